namespace AlertProbe.Core.Intake;

/// <summary>
/// Stops every intake in this process from hammering ThousandEyes once it has rejected the credentials
/// (the client already re-read the secret once). Closes by itself after a while, so a rotated secret is
/// picked up without a restart.
/// </summary>
public sealed class CredentialCircuit(TimeProvider timeProvider)
{
    private long _openUntilTicks;

    public DateTimeOffset? OpenUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _openUntilTicks);
            return ticks > timeProvider.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    public bool IsOpen => OpenUntil is not null;

    public void Open(TimeSpan duration) =>
        Interlocked.Exchange(ref _openUntilTicks, timeProvider.GetUtcNow().Add(duration).UtcTicks);
}
