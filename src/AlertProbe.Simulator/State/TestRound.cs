namespace AlertProbe.Simulator.State;

/// <summary>One run of a test. <see cref="Failure"/> is the target's state when it ran.</summary>
public sealed record TestRound(int Number, long RoundId, DateTimeOffset RunAt, TargetFailure? Failure);
