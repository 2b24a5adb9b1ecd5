using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// Turns the rows of one run into per-measurement results, an overall verdict with every reason in plain words, and a
/// fault location drawn by <see cref="FaultLocator"/>'s rules. Rows are keyed by what they measure: the agent, the DNS
/// server (dns-server rows) and the direction (agent-to-agent rows in both directions). Each layer is judged on its own:
/// availability by the phase the vendor names (<c>errorType</c>, which already applies the test's desired status
/// code), network loss in bands and latency against the agent's own floor (<c>avgLatency − minLatency</c>), DNS answers
/// against a rule's expected values, voice MOS, loss, one-way latency and PDV. Network probes lost while the
/// application answered are probes filtered, not a failure. Silent agents are neither healthy nor failing: below
/// <see cref="VerdictThresholds.MinReportingShare"/> of the test's agents reporting, the run is inconclusive.
/// Every field read is declared per family and API version in <see cref="VerdictFields"/>.
/// </summary>
public sealed class VerdictEngine(VerdictThresholds thresholds)
{
    private readonly VerdictThresholds _defaults = thresholds ?? throw new ArgumentNullException(nameof(thresholds));

    /// <param name="localProblems">Agents ThousandEyes lists with local problems during the run (agent id → what it says); their failures are agent-side.</param>
    /// <param name="families">This run's rows, the test type's own family first (its metrics keep their plain names).</param>
    /// <param name="expectedAgents">The agents the test runs from; those without rows are reported as inconclusive.</param>
    /// <param name="paths">Path visualisation of this run (agents' traces), when read; localisation uses it.</param>
    /// <param name="expectations">A rule's expected answers and codes; null: none.</param>
    /// <param name="overrides">A rule's thresholds replacing the configured ones; null: the configured ones.</param>
    public RunVerdict Evaluate(
        IReadOnlyList<FamilyResults> families,
        IReadOnlyList<TestAgentRef> expectedAgents,
        IReadOnlyList<AgentPath>? paths = null,
        VerdictExpectations? expectations = null,
        VerdictThresholds? overrides = null,
        IReadOnlyDictionary<string, string>? localProblems = null)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(expectedAgents);
        var limits = overrides ?? _defaults;
        expectations ??= VerdictExpectations.None;

        var units = new List<Measurement>();
        Uri? appLink = null;
        foreach (var family in families)
        {
            if (VerdictFields.For(family.Family, family.ApiVersion) is not { } fields)
            {
                // Path visualisation (and families the engine does not judge) carry nothing the verdict itself uses.
                continue;
            }

            var directed = DirectedAgents(family, fields);
            foreach (var row in family.Rows)
            {
                var agentId = row.AgentId ?? row.AgentName;
                if (agentId is null)
                {
                    continue;
                }

                var view = new RowView(row.Raw, family.Family, family.ApiVersion, fields);
                var unit = UnitFor(units, agentId, row, view, directed.Contains(agentId), expectedAgents);
                unit.ServerIp ??= view.Attribute("serverIp");
                unit.AppLink ??= view.AppLink;
                appLink ??= unit.AppLink;
                Assess(view, unit, limits, expectations);
            }
        }

        foreach (var unit in units)
        {
            if (unit.Failures.Count == 0)
            {
                unit.Failures.AddRange(unit.Fallbacks);
            }

            FilteredProbes(unit);
            unit.Path = paths?.FirstOrDefault(path => path.AgentId == unit.AgentId && (unit.Direction is null || path.Direction == unit.Direction))
                ?? paths?.FirstOrDefault(path => path.AgentId == unit.AgentId);
        }

        var location = units.Count == 0 ? null : FaultLocator.Locate(units, paths is { Count: > 0 }, localProblems);
        return Conclude(units, expectedAgents, limits, location) with
        {
            AppLink = appLink,
            NeedsPathTraces = paths is null && units.Any(unit => unit.Fails),
        };
    }

    private static HashSet<string> DirectedAgents(FamilyResults family, FamilyFields fields) =>
        fields.Attributes.Contains("direction")
            ? [.. family.Rows
                .Where(row => row.AgentId is not null)
                .GroupBy(row => row.AgentId!, StringComparer.Ordinal)
                .Where(group => group.Select(row => RawMetrics.Text(row.Raw, "direction")).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
                .Select(group => group.Key)]
            : [];

    // dns-server rows are per server; agent-to-agent rows per direction when both directions are there; network rows
    // of a DNS test join the agent's measurement of the same server when it exists.
    private static Measurement UnitFor(List<Measurement> units, string agentId, TestResultRow row, RowView view, bool directed, IReadOnlyList<TestAgentRef> expected)
    {
        var server = view.Family == TestResultFamily.DnsServer ? Normalise(view.Attribute("server")) : null;
        var direction = directed ? view.Attribute("direction")?.ToLowerInvariant() : null;
        var unit = units.FirstOrDefault(u => u.AgentId == agentId && u.Server == server && u.Direction == direction)
            ?? (server is null && direction is null ? units.FirstOrDefault(u => u.AgentId == agentId) : null);
        if (unit is null)
        {
            var name = row.AgentName ?? expected.FirstOrDefault(agent => agent.AgentId == agentId)?.AgentName ?? agentId;
            unit = new Measurement(agentId, name, row.CountryId, server, direction);
            units.Add(unit);
        }

        unit.CountryId ??= row.CountryId;
        return unit;
    }

    private static string? Normalise(string? server) => server?.Trim().TrimEnd('.').ToLowerInvariant();

    private static void Assess(RowView row, Measurement unit, VerdictThresholds limits, VerdictExpectations expectations)
    {
        var before = unit.Failures.Count + unit.Fallbacks.Count;
        switch (row.Family.Name)
        {
            case "network":
                AssessNetwork(row, unit, limits);
                break;
            case "http-server":
                AssessResponse(row, unit, "HTTP", expectations);
                AboveThreshold(row, unit, "responseTime", "response time", limits.ResponseTimeDegradedMs, " ms");
                break;
            case "ftp-server":
                AssessResponse(row, unit, "FTP", expectations);
                AboveThreshold(row, unit, "responseTime", "response time", limits.ResponseTimeDegradedMs, " ms");
                break;
            case "page-load":
                // No error fields in page-load rows: a row without a page load time is taken as a page that did not
                // finish loading, unless the test's HTTP rows name the failure first (assumption; see docs/thousandeyes.md).
                unit.HasApplication = true;
                if (row.Number("pageLoadTime") is null)
                {
                    unit.Fallbacks.Add(new Failure("application", "Page load", "no page load time reported"));
                }

                AboveThreshold(row, unit, "pageLoadTime", "page load time", limits.PageLoadDegradedMs, " ms");
                break;
            case "web-transactions":
                unit.HasApplication = true;
                if (row.Phase is not null || row.Detail is not null)
                {
                    unit.Failures.Add(new Failure(LayerOf(row.Phase) ?? "transaction", row.Phase ?? "Transaction", row.Detail));
                }

                break;
            case "transactions":
                unit.HasApplication = true;
                if (row.Number("stepsCompleted") is { } completed && row.Number("totalSteps") is { } total && completed < total)
                {
                    unit.Failures.Add(new Failure("transaction", "Transaction", Wording.Invariant($"{Wording.Number(completed)} of {Wording.Number(total)} steps completed")));
                }

                break;
            case "api":
                unit.HasApplication = true;
                if (row.Phase is not null || row.Number("completion") is < 100)
                {
                    unit.Failures.Add(new Failure(LayerOf(row.Phase) ?? "application", row.Phase ?? "API", row.Detail));
                }

                AboveThreshold(row, unit, "apiTransactionTime", "API time", limits.ResponseTimeDegradedMs, " ms");
                break;
            case "dns-server":
            case "dns-trace":
                if (row.Detail is { } detail)
                {
                    unit.Failures.Add(new Failure("dns", "DNS", detail));
                }
                else
                {
                    CheckAnswer(row, unit, expectations);
                }

                AboveThreshold(row, unit, row.Family == TestResultFamily.DnsServer ? "resolutionTime" : "finalQueryTime",
                    row.Family == TestResultFamily.DnsServer ? "DNS resolution time" : "final DNS query time", limits.DnsResolutionDegradedMs, " ms");
                break;
            case "dnssec":
                // v6 writes valid (1/0), v7 isValid (a boolean); the table names the one this version has.
                if (row.Number(row.Fields.Measurements[0]) is 0)
                {
                    unit.Failures.Add(new Failure("dnssec", "DNSSEC", row.Detail ?? "the DNSSEC chain does not validate"));
                }

                break;
            case "sip-server":
                unit.HasApplication = true;
                if (row.Phase is { } sipPhase)
                {
                    unit.Failures.Add(new Failure(LayerOf(sipPhase) ?? "application", sipPhase, row.Detail));
                    unit.Connected |= LayerOf(sipPhase) is "application";
                }
                else if (row.Number("availability") is 0)
                {
                    unit.Failures.Add(new Failure("application", "SIP", row.Detail ?? "the SIP server is unavailable"));
                }
                else
                {
                    unit.Connected = true;
                }

                break;
            case "rtp-server":
                AssessVoice(row, unit, limits);
                break;
            default:
                break;
        }

        CopyMetrics(row, unit, failed: unit.Failures.Count + unit.Fallbacks.Count > before);
    }

    // A failed row's zeros are phases never reached, not measurements ("responseTime 0 ms"); total loss leaves no latency.
    private static void CopyMetrics(RowView row, Measurement unit, bool failed)
    {
        var totalLoss = row.Family == TestResultFamily.Network && row.Number("loss") is >= 100;
        foreach (var field in row.Fields.Measurements)
        {
            if (row.Number(field) is not { } value
                || (failed && value == 0 && field is not ("loss" or "completion" or "availability" or "isValid" or "valid" or "stepsCompleted"))
                || (totalLoss && field != "loss"))
            {
                continue;
            }

            // The type's own family keeps plain names; a later family's clashing field is prefixed ("network.loss").
            unit.Metrics[unit.Metrics.ContainsKey(field) ? $"{row.Family.Name}.{field}" : field] = value;
        }
    }

    private static void AssessNetwork(RowView row, Measurement unit, VerdictThresholds limits)
    {
        if (row.Number("loss") is { } loss)
        {
            if (loss >= limits.LossFailingPercent)
            {
                unit.Failures.Add(new Failure("network", "Network", Wording.Invariant($"{Wording.Number(loss)}% packet loss (failing from {Wording.Number(limits.LossFailingPercent)}%)")));
            }
            else if (loss >= limits.LossDegradedPercent)
            {
                unit.Degradations.Add(new Degradation("loss", loss, limits.LossDegradedPercent, "%", LowerIsWorse: false));
            }

            unit.AllProbesLost |= loss >= 100;
            if (loss >= 100)
            {
                return;
            }
        }

        // Latency against the agent's own floor: a distant agent's propagation delay is not a fault; queueing is.
        if (row.Number("avgLatency") is { } average && row.Number("minLatency") is { } floor && average - floor >= limits.LatencyExcessDegradedMs)
        {
            unit.Degradations.Add(new Degradation(Wording.Invariant($"queueing latency (average {Wording.Number(average)} ms over its own minimum {Wording.Number(floor)} ms)"), average - floor, limits.LatencyExcessDegradedMs, " ms", LowerIsWorse: false));
        }

        if (limits.LatencyDegradedMs is { } budget)
        {
            AboveThreshold(row, unit, "avgLatency", "latency", budget, " ms");
        }

        AboveThreshold(row, unit, "jitter", "jitter", limits.JitterDegradedMs, " ms");
    }

    // The vendor's HTTP error is "not 2xx/3xx, or not the desired status code" and its errorType names the phase, so a
    // row without errorType answered as the test wanted (a health URL expected to answer 401 is healthy). A rule's
    // status codes, when given, are checked on top.
    private static void AssessResponse(RowView row, Measurement unit, string defaultPhase, VerdictExpectations expectations)
    {
        unit.HasApplication = true;
        var code = row.Number("responseCode");
        var phase = row.Phase;
        if (phase is not null)
        {
            var layer = LayerOf(phase) ?? "application";
            unit.Connected |= layer == "application" || code is > 0;
            unit.Failures.Add(new Failure(layer, phase, row.Detail ?? (code is > 0 ? Wording.Invariant($"response code {code}") : null)));
            return;
        }

        if (code is null or 0)
        {
            unit.Failures.Add(new Failure("application", defaultPhase, row.Detail ?? "no response"));
            return;
        }

        unit.Connected = true;
        if (expectations.StatusCodes.Count > 0 && !expectations.StatusCodes.Contains((int)code.Value))
        {
            unit.Failures.Add(new Failure("application", defaultPhase, Wording.Invariant($"response code {code}, expected {string.Join("/", expectations.StatusCodes)}")));
        }
        else if (code >= 400)
        {
            unit.Notes.Add(Wording.Invariant($"response code {code} accepted: ThousandEyes named no error, so it is the test's desired status code"));
        }
    }

    private static void CheckAnswer(RowView row, Measurement unit, VerdictExpectations expectations)
    {
        if (expectations.DnsAnswers.Count == 0 || row.Attribute("mappings") is not { } mappings)
        {
            return;
        }

        // A record type written beside an address ("192.0.2.10 (A)") is not an answer of its own.
        var answers = mappings.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(answer => !answer.StartsWith('('))
            .Select(answer => Normalise(answer)!)
            .ToList();
        var expected = expectations.DnsAnswers.Select(answer => Normalise(answer)!).ToHashSet(StringComparer.Ordinal);
        if (!answers.Any(expected.Contains))
        {
            unit.Failures.Add(new Failure("dns", "DNS answer", $"answered {string.Join(", ", answers)}, expected {string.Join(", ", expectations.DnsAnswers)}"));
        }
    }

    private static void AssessVoice(RowView row, Measurement unit, VerdictThresholds limits)
    {
        unit.HasApplication = true;
        Band(row, unit, "loss", "voice loss", limits.VoiceLossDegradedPercent, limits.VoiceLossFailingPercent, "%", row.Detail);
        Band(row, unit, "latency", "one-way latency", limits.VoiceLatencyDegradedMs, limits.VoiceLatencyFailingMs, " ms", null);
        Band(row, unit, "pdv", "packet delay variation", limits.PdvDegradedMs, limits.PdvFailingMs, " ms", null);
        if (row.Number("mos") is { } mos)
        {
            if (mos < limits.MosFailingBelow)
            {
                unit.Failures.Add(new Failure("voice", "Voice", Wording.Invariant($"MOS {Wording.Number(mos)} (failing below {Wording.Number(limits.MosFailingBelow)})")));
            }
            else if (mos < limits.MosDegradedBelow)
            {
                unit.Degradations.Add(new Degradation("MOS", mos, limits.MosDegradedBelow, "", LowerIsWorse: true));
            }
        }

        if (unit.Failures.Count == 0 && row.Detail is { } detail)
        {
            unit.Failures.Add(new Failure("voice", "Voice", detail));
        }
    }

    private static void Band(RowView row, Measurement unit, string field, string label, double degraded, double failing, string unit_, string? detail)
    {
        if (row.Number(field) is not { } value)
        {
            return;
        }

        if (value >= failing)
        {
            unit.Failures.Add(new Failure("voice", "Voice", detail ?? Wording.Invariant($"{label} {Wording.Number(value)}{unit_} (failing from {Wording.Number(failing)}{unit_})")));
        }
        else if (value >= degraded)
        {
            unit.Degradations.Add(new Degradation(label, value, degraded, unit_, LowerIsWorse: false));
        }
    }

    private static void AboveThreshold(RowView row, Measurement unit, string field, string label, double threshold, string unitName)
    {
        if (row.Number(field) is { } value && value >= threshold)
        {
            unit.Degradations.Add(new Degradation(label, value, threshold, unitName, LowerIsWorse: false));
        }
    }

    // Every network probe (ICMP/TCP SYN to the target) lost while the application itself connected: a firewall or the
    // target drops the probes; the service is reachable. Not a failure. Partial loss past the failing band while the
    // application answers is not a filter (a filter drops every probe): it stays a network failure.
    private static void FilteredProbes(Measurement unit)
    {
        if (!unit.Connected || !unit.AllProbesLost)
        {
            return;
        }

        var lost = unit.Failures.Where(failure => failure.Layer == "network").ToList();
        if (lost.Count == 0)
        {
            return;
        }

        foreach (var failure in lost)
        {
            unit.Failures.Remove(failure);
        }

        unit.Notes.Add($"probes filtered: network probes lost ({lost[0].Detail}) while the application answered");
    }

    /// <summary>The layer of a vendor phase name (errorType): DNS, Connect, or an application phase after the connection.</summary>
    internal static string? LayerOf(string? phase) => phase?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "dns" => "dns",
        "connect" => "connect",
        _ => "application",
    };

    private static RunVerdict Conclude(List<Measurement> units, IReadOnlyList<TestAgentRef> expectedAgents, VerdictThresholds limits, FaultLocation? location)
    {
        var results = units.Select(unit => unit.ToResult()).ToList();
        var reporting = units.Select(unit => unit.AgentId).ToHashSet(StringComparer.Ordinal);
        var missing = expectedAgents.Where(expected => !reporting.Contains(expected.AgentId)).ToList();
        results.AddRange(missing.Select(agent => new AgentResult
        {
            AgentId = agent.AgentId,
            AgentName = agent.AgentName ?? agent.AgentId,
            Verdict = TestVerdict.Inconclusive,
        }));

        var reasons = new List<string>();
        if (units.Count == 0)
        {
            reasons.Add("no agent reported results for this run");
            return new RunVerdict(TestVerdict.Inconclusive, reasons, results);
        }

        var judged = units.Where(unit => unit.Excluded is null || !unit.Fails).ToList();
        var judgedAgents = judged.Select(unit => unit.AgentId).Distinct(StringComparer.Ordinal).Count();
        var expectedCount = Math.Max(expectedAgents.Count, reporting.Count);

        var verdict = TestVerdict.Healthy;
        foreach (var group in judged.GroupBy(unit => (unit.Server, unit.Direction)))
        {
            var members = group.ToList();
            var failing = members.Where(unit => unit.Fails).ToList();
            var prefix = group.Key.Server is { } server ? server + ": " : group.Key.Direction is { } direction ? direction + ": " : string.Empty;
            reasons.AddRange(failing
                .SelectMany(unit => unit.Failures.Select(failure => (unit.AgentId, failure.Phase, failure.Detail)))
                .GroupBy(entry => (entry.Phase, entry.Detail))
                .OrderByDescending(entries => entries.Select(e => e.AgentId).Distinct().Count())
                .Select(entries =>
                {
                    var count = entries.Select(e => e.AgentId).Distinct().Count();
                    var detail = entries.Key.Detail is null ? string.Empty : ": " + entries.Key.Detail;
                    return Wording.Invariant($"{prefix}{count} of {members.Count} agents fail at {entries.Key.Phase}{detail}");
                }));
            var groupVerdict = failing.Count > 0 && failing.Count >= limits.FailingAgentShare * members.Count ? TestVerdict.Failing
                : members.Any(unit => unit.Verdict != TestVerdict.Healthy) ? TestVerdict.Degraded
                : TestVerdict.Healthy;
            verdict = Worse(verdict, groupVerdict);
        }

        reasons.AddRange(judged
            .SelectMany(unit => unit.Degradations.Select(degradation => (unit, degradation)))
            .GroupBy(entry => entry.degradation.Label.Split(" (")[0])
            .OrderByDescending(group => group.Count())
            .Select(group => DescribeDegradation([.. group.Select(entry => entry.degradation)], judged.Count)));

        var filtered = judged.Where(unit => unit.Notes.Any(note => note.StartsWith("probes filtered", StringComparison.Ordinal))).ToList();
        if (filtered.Count > 0)
        {
            reasons.Add(Wording.Invariant($"network probes filtered for {filtered.Count} of {judged.Count} agents: probes lost while the application answered (not counted as failing)"));
        }

        foreach (var excluded in units.Where(unit => unit.Excluded is not null && unit.Fails))
        {
            reasons.Add($"left out of the verdict: {excluded.AgentName} ({excluded.Excluded})");
        }

        if (missing.Count > 0)
        {
            reasons.Add(Wording.Invariant($"no data from {missing.Count} of {expectedCount} agents ({Wording.List(missing.Select(agent => agent.AgentName ?? agent.AgentId))})"));
        }

        if (judged.Count == 0 || judgedAgents < limits.MinReportingShare * expectedCount)
        {
            reasons.Insert(0, Wording.Invariant($"only {judgedAgents} of {expectedCount} agents gave usable data (at least {Wording.Number(limits.MinReportingShare * 100)}% needed): too little to judge"));
            return new RunVerdict(TestVerdict.Inconclusive, reasons, results) { Location = location };
        }

        if (verdict == TestVerdict.Healthy)
        {
            reasons.Insert(0, HealthySummary(judged));
        }

        return new RunVerdict(verdict, reasons, results) { Location = location };
    }

    private static TestVerdict Worse(TestVerdict a, TestVerdict b) => (TestVerdict)Math.Max((int)a, (int)b);

    private static string DescribeDegradation(List<Degradation> group, int judged)
    {
        var first = group[0];
        var worst = first.LowerIsWorse ? group.Min(d => d.Value) : group.Max(d => d.Value);
        var direction = first.LowerIsWorse ? "down to" : "up to";
        var label = first.Label.Split(" (")[0];
        return Wording.Invariant($"{label} {direction} {Wording.Number(worst)}{first.Unit} from {group.Count} of {judged} agents (threshold {Wording.Number(first.Threshold)}{first.Unit})");
    }

    private static string HealthySummary(List<Measurement> units)
    {
        var parts = new List<string>();
        var losses = units.Select(a => a.Metrics.GetValueOrDefault("loss", double.NaN)).Where(double.IsFinite).ToList();
        if (losses.Count > 0)
        {
            parts.Add(Wording.Invariant($"loss at most {Wording.Number(losses.Max())}%"));
        }

        var latencies = units.Select(a => a.Metrics.GetValueOrDefault("avgLatency", double.NaN)).Where(double.IsFinite).ToList();
        if (latencies.Count > 0)
        {
            parts.Add(Wording.Invariant($"latency at most {Wording.Number(latencies.Max())} ms"));
        }

        var codes = units.Select(a => a.Metrics.GetValueOrDefault("responseCode", double.NaN)).Where(double.IsFinite).Distinct().ToList();
        if (codes.Count > 0)
        {
            parts.Add("response " + string.Join("/", codes.Select(Wording.Number)));
        }

        var summary = units.Count == 1 ? "1 agent healthy" : Wording.Invariant($"all {units.Count} agents healthy");
        return parts.Count == 0 ? summary : $"{summary}: {string.Join(", ", parts)}";
    }
}
