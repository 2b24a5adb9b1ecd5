using System.Globalization;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// The words every reply format shares: the location line first (where the fault starts, or the verdict's main
/// reason when nothing was located), a headline, and one table row per agent (agent, country, agent network,
/// server IP, failed phase, key metrics, last hop reached).
/// </summary>
public static class ReplyText
{
    /// <summary>The table's column titles, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["Agent", "Country", "Agent network", "Server IP", "Phase", "Key metrics", "Last hop"];

    /// <summary>"Failing: path: loss begins at hop 7, 203.0.113.9 (AS 3356)" — the first line of every reply.</summary>
    public static string LocationLine(InstantTestResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var where = results.Location is { Layer: not ("none" or "unlocated") } location ? location.Summary
            : results.Reasons.Count > 0 ? results.Reasons[0]
            : results.Location?.Summary ?? string.Empty;
        return where.Length == 0 ? Label(results.Verdict).TrimEnd(':') : $"{Label(results.Verdict)} {where}";
    }

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

    /// <summary>One agent's cells, in <see cref="Columns"/> order ("–" where unknown).</summary>
    public static IReadOnlyList<string> AgentRow(AgentResult agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var name = agent.Server is { } server ? $"{agent.AgentName} → {server}" : agent.Direction is { } direction ? $"{agent.AgentName} ({direction})" : agent.AgentName;
        var phase = agent.Error is { } error ? error.Phase : agent.Excluded is not null ? "agent-side" : agent.Verdict.ToString().ToLowerInvariant();
        return [name, agent.CountryId ?? "–", agent.Network ?? "–", agent.ServerIp ?? "–", phase, KeyMetrics(agent), agent.LastHop ?? "–"];
    }

    /// <summary>"responseCode 200, loss 0%, avgLatency 40 ms" — the measurements a reader checks first.</summary>
    public static string KeyMetrics(AgentResult agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var parts = new List<string>();
        foreach (var (metric, unit) in new[] { ("responseCode", ""), ("loss", "%"), ("avgLatency", " ms"), ("jitter", " ms"), ("responseTime", " ms"), ("resolutionTime", " ms"), ("mos", ""), ("latency", " ms"), ("pdv", " ms") })
        {
            if (agent.Metrics.TryGetValue(metric, out var value))
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{metric} {value:0.#}{unit}"));
            }
        }

        return parts.Count == 0 ? "–" : string.Join(", ", parts);
    }

    public static string AgentLine(AgentResult agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var parts = new List<string>();
        if (agent.Error is { } error)
        {
            parts.Add(error.Detail is null ? $"failed at {error.Phase}" : $"failed at {error.Phase}: {error.Detail}");
        }

        if (KeyMetrics(agent) is var metrics && metrics != "–")
        {
            parts.Add(metrics);
        }

        var country = agent.CountryId is null ? string.Empty : $" ({agent.CountryId})";
        var verdict = agent.Verdict.ToString().ToLowerInvariant();
        return parts.Count == 0 ? $"{agent.AgentName}{country}: {verdict}" : $"{agent.AgentName}{country}: {verdict}, {string.Join(", ", parts)}";
    }

    /// <summary>The human link: the run's snapshot (shareable), else its app link, else the first "app" result link.</summary>
    public static Uri? AppLink(InstantTestResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Snapshot?.Link ?? results.AppLink ?? results.Links.FirstOrDefault(link => link.Family == "app")?.Href;
    }

    /// <summary>"Snapshot" when the link is the run's shareable snapshot, else "ThousandEyes".</summary>
    public static string LinkLabel(InstantTestResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Snapshot?.Link is not null ? "Snapshot" : "ThousandEyes";
    }
}
