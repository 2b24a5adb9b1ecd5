using System.Globalization;
using System.Text.Json.Nodes;

namespace AlertProbe.ThousandEyes.Agents;

/// <summary>
/// An interval in which ThousandEyes saw a Cloud Agent impaired on its own side (v7 <c>GET /agents/local-problems</c>,
/// schema LocalProblem in the vendor's "Agents Local Problems API" 7.0.100: <c>agent{agentId, agentName, countryId,
/// location}</c>, <c>startDate</c>, <c>endDate</c> (null while active), <c>duration</c> (s), <c>active</c>). The vendor
/// says such a problem does not mean the monitored target was down. FedRAMP Cloud Agents are not included; v6 has none.
/// </summary>
public sealed record AgentLocalProblem
{
    public required string AgentId { get; init; }

    public string? AgentName { get; init; }

    public required DateTimeOffset Start { get; init; }

    /// <summary>Null while the problem is active.</summary>
    public DateTimeOffset? End { get; init; }

    public bool Active { get; init; }

    /// <summary>True when the interval overlaps <paramref name="from"/> … <paramref name="to"/>.</summary>
    public bool Overlaps(DateTimeOffset from, DateTimeOffset to) => Start <= to && (End ?? DateTimeOffset.MaxValue) >= from;

    /// <summary>The <c>localProblems</c> of a response; null when the body has no such list.</summary>
    internal static IReadOnlyList<AgentLocalProblem>? Parse(JsonNode? body)
    {
        if (body?["localProblems"] is not JsonArray list)
        {
            return null;
        }

        var problems = new List<AgentLocalProblem>();
        foreach (var item in list.OfType<JsonObject>())
        {
            var agentId = item["agent"]?["agentId"]?.ToString();
            if (string.IsNullOrEmpty(agentId) || !TryDate(item["startDate"], out var start))
            {
                continue;
            }

            problems.Add(new AgentLocalProblem
            {
                AgentId = agentId,
                AgentName = item["agent"]?["agentName"]?.ToString(),
                Start = start,
                End = TryDate(item["endDate"], out var end) ? end : null,
                Active = item["active"] is JsonValue active && active.TryGetValue<bool>(out var flag) && flag,
            });
        }

        return problems;
    }

    private static bool TryDate(JsonNode? node, out DateTimeOffset value)
    {
        value = default;
        return node is JsonValue text && text.TryGetValue<string>(out var raw)
            && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
