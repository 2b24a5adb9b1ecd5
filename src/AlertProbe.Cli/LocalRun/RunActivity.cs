using AlertProbe.Core.Messages;

namespace AlertProbe.Cli.LocalRun;

/// <summary>What the run is doing right now, for the progress display.</summary>
/// <param name="Handler">The handler that has (or will get) <paramref name="Message"/>: intake, collect or rerun.</param>
/// <param name="Message">The message being handled, or the next one due.</param>
/// <param name="DeliveryCount">The delivery being made (1 for the first); 0 while waiting.</param>
/// <param name="WaitingUntil">Set while the run waits in real time for <paramref name="Message"/> to be due.</param>
internal sealed record RunActivity(string Handler, BusMessage Message, int DeliveryCount, DateTimeOffset? WaitingUntil);
