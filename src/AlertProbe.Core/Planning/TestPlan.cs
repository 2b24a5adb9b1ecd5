using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Planning;

/// <summary>
/// One instant test AlertProbe intends to run for one alert: the output of rule matching (or of a manual
/// request), before policy, coalescing, idempotency and the rate budget have had their say, and before
/// agents are resolved against the account's agent list.
/// </summary>
public sealed record TestPlan
{
    /// <summary>The rule that produced the plan ("manual" for manual requests).</summary>
    public required string Rule { get; init; }

    /// <summary>The alert the plan is for.</summary>
    public required string AlertId { get; init; }

    public required AlertSource Source { get; init; }

    public required AlertSeverity Severity { get; init; }

    /// <summary>
    /// The instant test type as the ThousandEyes API names it (v7 names: "http-server", "agent-to-server",
    /// "dnssec"…; "transactions" only exists in v6). Validation against the API version happens later.
    /// </summary>
    public required string TestType { get; init; }

    /// <summary>The main target, normalised (URL, host, host:port or domain): what coalescing and policy look at.</summary>
    public required string Target { get; init; }

    /// <summary>The type-specific request fields after templating (url, server, domain, protocol, …), agents excluded.</summary>
    public JsonObject Fields { get; init; } = [];

    public required AgentSelector Agents { get; init; }

    public FollowUpPolicy FollowUp { get; init; } = FollowUpPolicy.CollectOnce;

    /// <summary>At most one test per coalescing key within this window.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The ThousandEyes account group (aid); null for the configured default.</summary>
    public string? AccountGroupId { get; init; }

    /// <summary>Higher runs first when the rate budget is short.</summary>
    public int Priority { get; init; }

    /// <summary>Optional test name; ThousandEyes requires names to be unique per account.</summary>
    public string? TestName { get; init; }

    /// <summary>Where the alert's own tool can take the verdict back (<see cref="AlertProbe.Core.FollowUp.WriteBack.WriteBackTargets"/>); empty when nowhere.</summary>
    public IReadOnlyList<Messages.WriteBackTarget> WriteBack { get; init; } = [];
}
