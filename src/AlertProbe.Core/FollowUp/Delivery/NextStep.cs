using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// A short plain-language reading of a verdict — what the facts point at and where to look next — chosen by a fixed
/// table over the verdict and the rule that located the fault (<see cref="FaultLocation.Rule"/>, from the
/// <c>FaultLocator</c>). Nothing is inferred beyond what that rule established; a rule without an entry gets no
/// sentence. The table is docs/follow-up.md ("What to do next").
/// </summary>
public static class NextStep
{
    /// <summary>The sentence per located rule.</summary>
    public static IReadOnlyDictionary<string, string> ByRule { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["agent.local-resolver"] = "the failing agents' own DNS resolver is at fault, not the service: judge the service by the other agents",
        ["agent.local-problems"] = "ThousandEyes flags the failing Cloud Agents with local problems: judge the service by the other agents",
        ["agent.trace-dies-locally"] = "the failure is inside the failing agents' own network, not the service: judge the service by the other agents",
        ["dns.wrong-answer"] = "DNS answers differ from the expected ones: check the records the named server hands out",
        ["dns.server-down"] = "one DNS server fails while another answers: look at that server, not the zone",
        ["dns.all-servers"] = "no DNS server answers: look at the zone's servers or the network in front of them",
        ["dns.resolution"] = "the name does not resolve from several networks: look at the domain's DNS, not the path",
        ["target.application-errors"] = "agents in several networks reach the service and get errors: the service or its load balancer, not the path",
        ["target.reached-not-answering"] = "traces reach the service's address but it does not answer: the service or its firewall, not the path",
        ["path.shared-last-hop"] = "the failing agents' traces stop at the same node outside the service's network: a network on the path, not the service",
        ["regional.country"] = "only agents in one country fail: a network in that region, not the service itself",
        ["regional.network"] = "only agents of one network fail: that network or its peering, not the service itself",
        ["address-family.one-family-fails"] = "only one address family fails: check the service's records and routing for that family",
        ["probes-filtered.application-answered"] = "the service answers; only network probes are filtered on the way: nothing to fix unless probes must pass",
    };

    /// <summary>The reading of <paramref name="results"/>, or null when no entry applies.</summary>
    public static string? For(InstantTestResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Location?.Rule is { } rule && ByRule.TryGetValue(rule, out var sentence))
        {
            return sentence;
        }

        return results.Verdict switch
        {
            TestVerdict.Healthy => "nothing to do from the network side: every agent that reported is healthy",
            TestVerdict.Degraded when results.Location?.Rule is null or "none.no-failure" =>
                "degraded, not down: the service answers; the reasons name the measurement over its threshold",
            TestVerdict.Inconclusive => "too little data to judge: run the test again, or look at the agents that did not report",
            _ => null,
        };
    }
}
