namespace AlertProbe.Cli.Doctor;

/// <summary>The doctor's table: check, status, what was found; then a fix line under each failure.</summary>
internal static class DoctorRenderer
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<DoctorResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        var width = Math.Max("check".Length, results.Max(r => r.Check.Length));
        await output.WriteLineAsync($"{"check".PadRight(width)}  status  detail").ConfigureAwait(false);
        foreach (var result in results)
        {
            await output.WriteLineAsync($"{result.Check.PadRight(width)}  {result.Status.ToString().ToLowerInvariant(),-6}  {result.Detail}").ConfigureAwait(false);
            if (result.Fix is { } fix)
            {
                await output.WriteLineAsync($"{new string(' ', width)}  fix:    {fix}").ConfigureAwait(false);
            }
        }

        var failed = results.Count(r => r.Status == DoctorStatus.Fail);
        await output.WriteLineAsync(failed == 0 ? "doctor: no check failed." : $"doctor: {failed} check(s) failed.").ConfigureAwait(false);
    }
}
