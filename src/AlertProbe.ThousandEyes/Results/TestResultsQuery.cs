namespace AlertProbe.ThousandEyes.Results;

/// <summary>
/// The time range of a results fetch: a window ending now, or from/to — never both. Neither means the current round.
/// </summary>
public sealed record TestResultsQuery
{
    public static TestResultsQuery CurrentRound { get; } = new();

    /// <summary>e.g. 12 hours → <c>window=12h</c>.</summary>
    public TimeSpan? Window { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }
}
