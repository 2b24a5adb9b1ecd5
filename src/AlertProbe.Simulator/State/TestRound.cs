namespace AlertProbe.Simulator.State;

/// <summary>One run of a test. <see cref="Failure"/> is the target's state when it ran.</summary>
/// <param name="RoundId">Epoch seconds of the round start (aligned, so possibly before <paramref name="RunAt"/>).</param>
public sealed record TestRound(int Number, long RoundId, DateTimeOffset RunAt, TargetFailure? Failure)
{
    /// <summary>How long a round lasts (v7 rows: endTime − startTime); instant-test rounds are one minute.</summary>
    public static TimeSpan Length { get; } = TimeSpan.FromMinutes(1);

    public DateTimeOffset Start => DateTimeOffset.FromUnixTimeSeconds(RoundId);

    /// <summary>A per-agent, per-server or path situation this round shows (null: none, or only <see cref="Failure"/>).</summary>
    public Situation? Situation { get; init; }
}
