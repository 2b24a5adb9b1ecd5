namespace AlertProbe.Simulator.State;

/// <summary>A pending fault: the next <see cref="Remaining"/> requests whose path contains <see cref="PathContains"/> fail.</summary>
internal sealed class InjectedFault(int statusCode, int remaining, string? pathContains)
{
    public int StatusCode { get; } = statusCode;
    public int Remaining { get; set; } = remaining;
    public string? PathContains { get; } = pathContains;

    public bool Matches(string path) =>
        Remaining > 0 && (PathContains is null || path.Contains(PathContains, StringComparison.OrdinalIgnoreCase));
}
