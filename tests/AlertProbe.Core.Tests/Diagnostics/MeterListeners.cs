namespace AlertProbe.Core.Tests.Diagnostics;

/// <summary>
/// Tests that count the app's meter measurements run alone: the meter is process-wide, and another test class
/// running at the same time would add its measurements to what these tests count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeterListeners
{
    public const string Name = "Meter (process-wide listeners)";
}
