namespace AlertProbe.Simulator.Results;

/// <summary>Which rounds a results call asks for. A null <see cref="Start"/> means "the latest round with data".</summary>
internal sealed record TimeRange(DateTimeOffset? Start, DateTimeOffset End);
