using Microsoft.Extensions.Configuration;

namespace AlertProbe.Cli.Doctor;

/// <summary>
/// Runs every check, read-only, in a fixed order, each under its own deadline (one dependency that hangs must not hide
/// the others). A check that throws unexpectedly is reported as failed with the exception's type, not its message
/// (which could quote a connection string).
/// </summary>
internal static class DoctorRunner
{
    public static readonly string[] CheckNames =
        [KeyVaultCheck.Name, ThousandEyesCheck.Name, ServiceBusCheck.Name, LedgerCheck.Name, RulesCheck.Name, ReplyHostsCheck.Name];

    public static async Task<IReadOnlyList<DoctorResult>> RunAsync(
        IConfiguration settings, CliContext context, DoctorClients clients, TimeSpan perCheck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clients);
        var results = new List<DoctorResult>
        {
            await GuardAsync(KeyVaultCheck.Name, ct => KeyVaultCheck.RunAsync(settings, clients, ct), perCheck, cancellationToken).ConfigureAwait(false),
            await GuardAsync(ThousandEyesCheck.Name, ct => ThousandEyesCheck.RunAsync(settings, ct), perCheck, cancellationToken).ConfigureAwait(false),
            await GuardAsync(ServiceBusCheck.Name, ct => ServiceBusCheck.RunAsync(settings, clients, ct), perCheck, cancellationToken).ConfigureAwait(false),
            await GuardAsync(LedgerCheck.Name, ct => LedgerCheck.RunAsync(settings, clients, ct), perCheck, cancellationToken).ConfigureAwait(false),
            await GuardAsync(RulesCheck.Name, _ => Task.FromResult(RulesCheck.Run(settings, context)), perCheck, cancellationToken).ConfigureAwait(false),
            await GuardAsync(ReplyHostsCheck.Name, _ => Task.FromResult(ReplyHostsCheck.Run(settings)), perCheck, cancellationToken).ConfigureAwait(false),
        };
        return results;
    }

    private static async Task<DoctorResult> GuardAsync(string name, Func<CancellationToken, Task<DoctorResult>> check, TimeSpan perCheck, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(perCheck);
        try
        {
            return await check(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DoctorResult.Fail(name, $"no answer within {perCheck.TotalSeconds:0} s.", "Check the network path to the dependency (or raise --timeout).");
        }
#pragma warning disable CA1031 // One check's surprise must not stop the others; the type is reported, the message may hold secrets.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return DoctorResult.Fail(name, $"failed unexpectedly: {exception.GetType().Name}.", "Run again with the settings checked; report the failure if it persists.");
        }
    }
}
