using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// Says where a run's fault starts by named rules tried in a fixed order — agent-side, DNS, target, path, regional,
/// address family, probes filtered — each firing only on the evidence it names (never a guess); when none fires the
/// location is "unlocated" with what was seen. Agent-side problems are also left out of the run's failing share.
/// Rules, their evidence and their order: docs/follow-up.md.
/// </summary>
internal static class FaultLocator
{
    public static FaultLocation Locate(List<Measurement> units, bool tracesRead, IReadOnlyDictionary<string, string>? localProblems = null)
    {
        var agentSide = AgentSide(units, localProblems);
        var failing = units.Where(unit => unit.Fails && unit.Excluded is null).ToList();
        var healthy = units.Where(unit => !unit.Fails).ToList();
        if (failing.Count == 0)
        {
            return agentSide
                ?? ProbesFiltered(units)
                ?? new FaultLocation { Layer = "none", Rule = "none.no-failure", Summary = "no fault: no agent fails", Evidence = [] };
        }

        var located = Dns(failing, healthy)
            ?? Target(failing)
            ?? Path(failing, healthy)
            ?? Regional(failing, healthy)
            ?? AddressFamily(failing, healthy);
        if (located is not null)
        {
            return agentSide is null ? located : located with { Evidence = [.. located.Evidence, "also: " + agentSide.Summary] };
        }

        var phases = Wording.List(failing.SelectMany(unit => unit.Failures).Select(failure => failure.Phase).Distinct());
        var missing = tracesRead ? "no rule matched the evidence" : "no rule matched, and no path traces were read";
        return new FaultLocation
        {
            Layer = "unlocated",
            Rule = "unlocated",
            Summary = Wording.Invariant($"not located: {Wording.Agents(failing.Count)} fail at {phases}; {missing}"),
            Evidence = [.. failing.Select(Describe)],
        };
    }

    // An agent's own resolver failing while others resolve the same name, or its traces dying inside its own prefix
    // or AS while agents elsewhere get through: the agent's problem, named and left out of the failing share.
    private static FaultLocation? AgentSide(List<Measurement> units, IReadOnlyDictionary<string, string>? localProblems)
    {
        var evidence = new List<string>();
        var rule = string.Empty;

        // The vendor's own flag first: a Cloud Agent ThousandEyes lists with local problems during the run
        // (/v7/agents/local-problems: "agent-side impairment ... not that the target was down").
        foreach (var unit in units.Where(unit => unit.Fails && localProblems?.ContainsKey(unit.AgentId) == true))
        {
            unit.Excluded = "agent-side: " + localProblems![unit.AgentId];
            evidence.Add($"{unit.AgentName}: {unit.Excluded}");
            rule = "agent.local-problems";
        }

        var dnsFailing = units.Where(unit => unit.Server is null && unit.HasApplication && unit.Failures.Any(f => f.Layer == "dns")).ToList();
        var resolved = units.Where(unit => unit.Server is null && unit.HasApplication && !unit.Failures.Any(f => f.Layer == "dns")).ToList();
        dnsFailing.RemoveAll(unit => unit.Excluded is not null);
        if (dnsFailing.Count > 0 && resolved.Count > 0 && dnsFailing.Select(unit => unit.NetworkKey).Distinct().Count() == 1)
        {
            foreach (var unit in dnsFailing)
            {
                unit.Excluded = Wording.Invariant($"agent-side: its resolver failed ({unit.Failures.First(f => f.Layer == "dns").Detail ?? "DNS"}) while {Wording.Agents(resolved.Count)} resolved the name");
                evidence.Add($"{unit.AgentName}: {unit.Excluded}");
            }

            rule = rule.Length == 0 ? "agent.local-resolver" : rule;
        }

        var succeeded = units.Where(unit => !unit.Fails).ToList();
        foreach (var unit in units.Where(unit => unit.Fails && unit.Excluded is null && unit.Path is not null))
        {
            if (unit.Path!.LastHopOfFailedRoute is { } hop && unit.Path.Reached == 0 && unit.Path.IsLocal(hop)
                && succeeded.Any(other => other.NetworkKey != unit.NetworkKey))
            {
                unit.Excluded = Wording.Invariant($"agent-side: its traces die inside its own network at hop {hop.Hop} {hop.IpAddress}{Of(hop)} while agents in other networks get through");
                evidence.Add($"{unit.AgentName}: {unit.Excluded}");
                rule = rule.Length == 0 ? "agent.trace-dies-locally" : rule;
            }
        }

        if (evidence.Count == 0)
        {
            return null;
        }

        var names = Wording.List(units.Where(unit => unit.Excluded is not null).Select(unit => unit.AgentName).Distinct());
        return new FaultLocation
        {
            Layer = "agent",
            Rule = rule,
            Summary = $"agent-side: {names} ({rule switch { "agent.local-problems" => "ThousandEyes reports local problems", "agent.local-resolver" => "its own resolver", _ => "its own network" }}); left out of the verdict",
            Evidence = evidence,
        };
    }

    private static FaultLocation? Dns(List<Measurement> failing, List<Measurement> healthy)
    {
        // dns-server tests: a server failing from every agent that asked it, while another server answers.
        var perServer = failing.Concat(healthy).Where(unit => unit.Server is not null).GroupBy(unit => unit.Server!).ToList();
        var down = perServer.Where(group => group.All(unit => unit.Fails)).Select(group => group.Key).ToList();
        var up = perServer.Where(group => group.Any(unit => !unit.Fails)).Select(group => group.Key).ToList();
        var wrong = failing.Where(unit => unit.Failures.Any(f => f.Phase == "DNS answer")).ToList();
        if (wrong.Count > 0)
        {
            var first = wrong[0].Failures.First(f => f.Phase == "DNS answer");
            var where = wrong.Any(unit => unit.Server is not null) ? "from " + Wording.List(wrong.Select(unit => unit.Server).OfType<string>().Distinct()) : Wording.Invariant($"to {Wording.Agents(wrong.Count)}");
            return new FaultLocation
            {
                Layer = "dns",
                Rule = "dns.wrong-answer",
                Summary = $"DNS: wrong answer {where}: {first.Detail}",
                Evidence = [.. wrong.Select(Describe)],
            };
        }

        if (perServer.Count > 0 && down.Count > 0)
        {
            var evidence = down.Select(server => Wording.Invariant($"{server}: fails from {perServer.First(g => g.Key == server).Count()} of {perServer.First(g => g.Key == server).Count()} agents ({FirstDetail(perServer.First(g => g.Key == server))})")).ToList();
            evidence.AddRange(up.Select(server => $"{server}: answers"));
            return up.Count > 0
                ? new FaultLocation { Layer = "dns", Rule = "dns.server-down", Summary = $"DNS: server {Wording.List(down)} fails from every agent; {Wording.List(up)} answers", Evidence = evidence }
                : new FaultLocation { Layer = "dns", Rule = "dns.all-servers", Summary = $"DNS: no server answers ({Wording.List(down)})", Evidence = evidence };
        }

        // Resolution failing from agents in two or more networks: the name, not one resolver.
        var dnsFailing = failing.Where(unit => unit.Server is null && unit.Failures.Any(f => f.Layer == "dns")).ToList();
        var networks = dnsFailing.Select(unit => unit.NetworkKey).Distinct().Count();
        if (dnsFailing.Count > 0 && networks >= 2)
        {
            return new FaultLocation
            {
                Layer = "dns",
                Rule = "dns.resolution",
                Summary = Wording.Invariant($"DNS: the name does not resolve from {Wording.Agents(dnsFailing.Count)} in {networks} networks ({FirstDetail(dnsFailing)})"),
                Evidence = [.. dnsFailing.Select(Describe)],
            };
        }

        return null;
    }

    private static FaultLocation? Target(List<Measurement> failing)
    {
        // Application-phase errors (the connection was made, the service answered wrongly) from two or more networks.
        var application = failing.Where(unit => unit.Failures.Any(f => f.Layer == "application")).ToList();
        var networks = application.Select(unit => unit.NetworkKey).Distinct().Count();
        if (application.Count > 0 && networks >= 2)
        {
            var phase = application[0].Failures.First(f => f.Layer == "application");
            return new FaultLocation
            {
                Layer = "target",
                Rule = "target.application-errors",
                Summary = Wording.Invariant($"target: {phase.Phase} errors from {Wording.Agents(application.Count)} in {networks} networks ({phase.Detail ?? phase.Phase})"),
                Evidence = [.. application.Select(Describe)],
            };
        }

        // Connect failures or total loss whose traces reach the target's address: the path works, the target does not answer.
        var reached = failing.Where(unit => unit.Failures.Any(f => f.Layer is "connect" or "network") && unit.Path is { Reached: > 0 }).ToList();
        if (reached.Count > 0 && reached.Count == failing.Count(unit => unit.Failures.Any(f => f.Layer is "connect" or "network")))
        {
            var address = reached[0].Path!.ServerIp;
            return new FaultLocation
            {
                Layer = "target",
                Rule = "target.reached-not-answering",
                Summary = Wording.Invariant($"target: traces reach {address} but it does not answer ({FirstDetail(reached)}) from {Wording.Agents(reached.Count)}"),
                Evidence = [.. reached.Select(unit => Describe(unit) + Wording.Invariant($"; {unit.Path!.Reached} of {unit.Path.Traces} traces reached {unit.Path.ServerIp}"))],
            };
        }

        return null;
    }

    // Failing agents' traces end at a shared node outside the target's network that healthy agents' traces avoid.
    private static FaultLocation? Path(List<Measurement> failing, List<Measurement> healthy)
    {
        var stopped = failing.Where(unit => unit.Path is { HasTraces: true, Reached: 0 }).ToList();
        if (stopped.Count == 0)
        {
            return null;
        }

        var healthyHops = healthy.Where(unit => unit.Path is not null)
            .SelectMany(unit => unit.Path!.Routes.SelectMany(route => route).Select(hop => hop.IpAddress).Concat(unit.Path!.TraceEnds))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var targetNetwork = failing.Concat(healthy).Select(unit => unit.Path?.TargetNetwork).FirstOrDefault(network => network is not null);
        var ends = stopped
            .Select(unit => (Unit: unit, Hop: unit.Path!.LastHopOfFailedRoute, End: unit.Path.LastHopOfFailedRoute?.IpAddress ?? unit.Path.FailedTraceEnd))
            .Where(entry => entry.End is not null)
            .ToList();
        var shared = ends.GroupBy(entry => entry.End!, StringComparer.OrdinalIgnoreCase).OrderByDescending(group => group.Count()).FirstOrDefault();
        // A node is "shared" when two or more failing agents stop there (or the only failing agent does).
        if (shared is null || healthyHops.Contains(shared.Key) || (shared.Count() < 2 && failing.Count > 1))
        {
            return null;
        }

        var hop = shared.First().Hop;
        if (hop?.Network is { } network && network == targetNetwork)
        {
            return null;
        }

        var serverIp = stopped[0].Path!.ServerIp;
        if (hop?.Prefix is { } prefix && AgentPath.InPrefix(serverIp, prefix))
        {
            return null;
        }

        var at = hop is null ? shared.Key : Wording.Invariant($"hop {hop.Hop}, {hop.IpAddress}{Of(hop)}");
        var evidence = ends.Select(entry => Wording.Invariant($"{entry.Unit.AgentName}: {entry.Unit.Path!.Traces - entry.Unit.Path.Reached} of {entry.Unit.Path.Traces} traces stop at {entry.End} (forwarding loss {Wording.Number(entry.Unit.Path.ForwardingLossPercent)}%)")).ToList();
        evidence.Add(healthy.Any(unit => unit.Path is not null)
            ? Wording.Invariant($"traces of {Wording.Agents(healthy.Count(unit => unit.Path is not null))} that succeed avoid {shared.Key}")
            : "no succeeding agent to compare with");
        return new FaultLocation
        {
            Layer = "path",
            Rule = "path.shared-last-hop",
            Summary = Wording.Invariant($"path: loss begins at {at} (traces of {shared.Count()} of {failing.Count} failing agents stop there)"),
            Evidence = evidence,
        };
    }

    // Failures confined to one country or one agent network, with agents elsewhere succeeding.
    private static FaultLocation? Regional(List<Measurement> failing, List<Measurement> healthy)
    {
        if (healthy.Count == 0)
        {
            return null;
        }

        var countries = failing.Select(unit => unit.CountryId).Distinct().ToList();
        if (countries is [{ } country] && healthy.All(unit => unit.CountryId != country) && healthy.Any(unit => unit.CountryId is not null))
        {
            return new FaultLocation
            {
                Layer = "regional",
                Rule = "regional.country",
                Summary = Wording.Invariant($"regional: failures confined to {country} ({Wording.Agents(failing.Count)} there fail; elsewhere {Wording.Agents(healthy.Count)} healthy)"),
                Evidence = [.. failing.Select(Describe), .. healthy.Select(unit => $"{unit.AgentName} ({unit.CountryId}): succeeds")],
            };
        }

        var networks = failing.Select(unit => unit.Network).Distinct().ToList();
        if (networks is [{ } network] && healthy.All(unit => unit.Network != network) && healthy.Any(unit => unit.Network is not null))
        {
            return new FaultLocation
            {
                Layer = "regional",
                Rule = "regional.network",
                Summary = Wording.Invariant($"regional: failures confined to agent network {network} ({Wording.Agents(failing.Count)} fail; in other networks {Wording.Agents(healthy.Count)} healthy)"),
                Evidence = [.. failing.Select(Describe), .. healthy.Select(unit => $"{unit.AgentName} ({unit.Network}): succeeds")],
            };
        }

        return null;
    }

    private static FaultLocation? AddressFamily(List<Measurement> failing, List<Measurement> healthy)
    {
        var failingFamilies = failing.Select(unit => AgentPath.FamilyOf(unit.ServerIp ?? unit.Path?.ServerIp)).Distinct().ToList();
        var healthyFamilies = healthy.Select(unit => AgentPath.FamilyOf(unit.ServerIp ?? unit.Path?.ServerIp)).Distinct().ToList();
        if (failingFamilies is [{ } bad] && healthyFamilies is [{ } good] && bad != good)
        {
            var addresses = Wording.List(failing.Select(unit => unit.ServerIp ?? unit.Path?.ServerIp).OfType<string>().Distinct());
            return new FaultLocation
            {
                Layer = "address-family",
                Rule = "address-family.one-family-fails",
                Summary = Wording.Invariant($"address family: {bad} fails ({addresses}) from {Wording.Agents(failing.Count)}; {good} works from {Wording.Agents(healthy.Count)}"),
                Evidence = [.. failing.Select(unit => Describe(unit) + $" via {unit.ServerIp ?? unit.Path?.ServerIp}"), .. healthy.Select(unit => $"{unit.AgentName}: succeeds via {unit.ServerIp ?? unit.Path?.ServerIp}")],
            };
        }

        return null;
    }

    private static FaultLocation? ProbesFiltered(List<Measurement> units)
    {
        var filtered = units.Where(unit => unit.Notes.Any(note => note.StartsWith("probes filtered", StringComparison.Ordinal))).ToList();
        return filtered.Count == 0
            ? null
            : new FaultLocation
            {
                Layer = "probes-filtered",
                Rule = "probes-filtered.application-answered",
                Summary = Wording.Invariant($"probes filtered: network probes lost from {Wording.Agents(filtered.Count)} while the application answered; not a fault of the service"),
                Evidence = [.. filtered.Select(unit => $"{unit.AgentName}: {unit.Notes.First(note => note.StartsWith("probes filtered", StringComparison.Ordinal))}")],
            };
    }

    private static string FirstDetail(IEnumerable<Measurement> units) =>
        units.SelectMany(unit => unit.Failures).Select(failure => failure.Detail ?? failure.Phase).FirstOrDefault() ?? "failing";

    private static string Describe(Measurement unit)
    {
        var failure = unit.Failures.FirstOrDefault();
        var where = Wording.List(new[] { unit.CountryId, unit.Network, unit.Server, unit.Direction }.OfType<string>());
        var what = failure is null ? "succeeds" : $"fails at {failure.Phase}{(failure.Detail is null ? "" : ": " + failure.Detail)}";
        return where.Length == 0 ? $"{unit.AgentName}: {what}" : $"{unit.AgentName} ({where}): {what}";
    }

    private static string Of(PathHop hop) => hop.Network is null ? string.Empty : $" ({hop.Network})";
}
