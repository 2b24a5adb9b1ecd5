namespace AlertProbe.Cli.Tests.Telemetry;

/// <summary>
/// Tests that listen to the app's activity source and meter run alone: both are process-wide, and a run of another test
/// class at the same time would add its spans and measurements to what these tests count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryListeners
{
    public const string Name = "Telemetry (process-wide listeners)";
}
