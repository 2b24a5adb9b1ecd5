using AlertProbe.Core.Outcomes;

namespace AlertProbe.Core.Planning;

/// <summary>What the rules made of one alert.</summary>
public sealed record PlanningResult
{
    /// <summary>Plans to run, highest <see cref="TestPlan.Priority"/> first (rule order within a priority).</summary>
    public IReadOnlyList<TestPlan> Plans { get; init; } = [];

    /// <summary>Tests a matching rule asked for but that could not be planned (missing value, bad target…).</summary>
    public IReadOnlyList<Rejection> Rejections { get; init; } = [];

    /// <summary>Names of the rules that matched, in evaluation order.</summary>
    public IReadOnlyList<string> MatchedRules { get; init; } = [];

    /// <summary>Why nothing (or less) was planned, for logs and the CLI: "no rule matched", "alert is resolved"….</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
