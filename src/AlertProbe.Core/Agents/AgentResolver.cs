using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.ThousandEyes.Agents;

namespace AlertProbe.Core.Agents;

/// <summary>
/// Turns an <see cref="AgentSelector"/> into the agent ids of one instant test, using the account's agent
/// list. Explicit ids are taken as given (the API validates them); every other kind of criterion narrows
/// the enabled agents, values within a kind being alternatives.
/// </summary>
public static class AgentResolver
{
    public static AgentResolution Resolve(AgentSelector selector, IReadOnlyList<ThousandEyesAgent> agents)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(agents);

        if (selector.Ids.Count > 0)
        {
            return AgentResolution.Resolved([.. selector.Ids.Distinct(StringComparer.Ordinal).Take(selector.Max ?? int.MaxValue)]);
        }

        if (selector.IsEmpty)
        {
            return AgentResolution.Failed(new Rejection(
                RejectionReasons.NoAgents,
                "No agents were selected: give agent ids, names, labels, countries or types in the rule or request."));
        }

        return Choose(selector, agents, filterLabels: true, $"among the account's {agents.Count} agents");
    }

    /// <summary>
    /// Like <see cref="Resolve"/> for agents the API already chose by the selector's labels (its label filter
    /// knows labels the agent list may not show): the other criteria and the maximum still apply.
    /// </summary>
    public static AgentResolution ResolveAmongLabelled(AgentSelector selector, IReadOnlyList<ThousandEyesAgent> labelledAgents)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(labelledAgents);
        return Choose(selector, labelledAgents, filterLabels: false, $"among the {labelledAgents.Count} agents carrying those labels");
    }

    private static AgentResolution Choose(AgentSelector selector, IReadOnlyList<ThousandEyesAgent> agents, bool filterLabels, string scope)
    {
        var chosen = agents
            .Where(a => a.Enabled)
            .Where(a => selector.Names.Count == 0 || selector.Names.Contains(a.Name, StringComparer.OrdinalIgnoreCase))
            .Where(a => !filterLabels || selector.Labels.Count == 0 || a.Labels.Any(l => selector.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)))
            .Where(a => selector.Countries.Count == 0 || (a.CountryId is not null && selector.Countries.Contains(a.CountryId, StringComparer.OrdinalIgnoreCase)))
            .Where(a => selector.Types.Count == 0 || selector.Types.Contains(a.Type, StringComparer.OrdinalIgnoreCase))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .Take(selector.Max ?? int.MaxValue)
            .Select(a => a.Id)
            .ToList();

        return chosen.Count > 0
            ? AgentResolution.Resolved(chosen)
            : AgentResolution.Failed(new Rejection(
                RejectionReasons.NoAgents,
                $"No enabled agent matches {Describe(selector)} {scope}."));
    }

    /// <summary>A short, stable description of a selector, for messages.</summary>
    public static string Describe(AgentSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var parts = new List<string>();
        Add("ids", selector.Ids);
        Add("names", selector.Names);
        Add("labels", selector.Labels);
        Add("countries", selector.Countries);
        Add("types", selector.Types);
        if (selector.Max is { } max)
        {
            parts.Add($"max {max}");
        }

        return parts.Count == 0 ? "no criteria" : string.Join("; ", parts);

        void Add(string name, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                parts.Add($"{name} {string.Join(",", values)}");
            }
        }
    }
}
