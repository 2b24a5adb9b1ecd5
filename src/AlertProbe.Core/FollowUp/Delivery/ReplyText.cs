using System.Globalization;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>The words every reply format shares: a headline and one line per agent.</summary>
public static class ReplyText
{
    public static string Headline(InstantTestResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var reason = results.Reasons.Count > 0 ? $": {results.Reasons[0]}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{Label(results.Verdict)} {results.Target} ({results.TestType}, run {results.Run}){reason}");
    }

    public static string Label(TestVerdict verdict) => verdict switch
    {
        TestVerdict.Healthy => "Healthy:",
        TestVerdict.Degraded => "Degraded:",
        TestVerdict.Failing => "Failing:",
        _ => "Inconclusive:",
    };

    public static string AgentLine(AgentResult agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var parts = new List<string>();
        foreach (var (metric, unit) in new[] { ("responseCode", ""), ("loss", "%"), ("avgLatency", " ms"), ("jitter", " ms"), ("responseTime", " ms"), ("resolutionTime", " ms"), ("mos", "") })
        {
            if (agent.Metrics.TryGetValue(metric, out var value))
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{metric} {value:0.#}{unit}"));
            }
        }

        if (agent.Error is { } error)
        {
            parts.Insert(0, error.Detail is null ? $"failed at {error.Phase}" : $"failed at {error.Phase}: {error.Detail}");
        }

        var country = agent.CountryId is null ? string.Empty : $" ({agent.CountryId})";
        var verdict = agent.Verdict.ToString().ToLowerInvariant();
        return parts.Count == 0 ? $"{agent.AgentName}{country}: {verdict}" : $"{agent.AgentName}{country}: {verdict}, {string.Join(", ", parts)}";
    }
}
