using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// Turns the rows of one run into a per-agent summary and an overall verdict with reasons in plain words
/// ("3 of 5 agents fail at HTTP: HTTP 503 Service Unavailable"; "loss up to 12% from 2 of 5 agents").
/// An agent fails when a row names a failing phase (<c>errorType</c>) or an error, an error response code, total loss,
/// an incomplete transaction or an invalid DNSSEC chain; it is degraded when a measurement passes its threshold.
/// Every field read is declared per family and API version in <see cref="VerdictFields"/>. The run fails when at least
/// <see cref="VerdictThresholds.FailingAgentShare"/> of the agents with data fail, is degraded when any agent
/// fails or is degraded, and is inconclusive when no agent reported.
/// </summary>
public sealed class VerdictEngine(VerdictThresholds thresholds)
{
    private readonly VerdictThresholds _thresholds = thresholds ?? throw new ArgumentNullException(nameof(thresholds));

    /// <param name="families">This run's rows, the test type's own family first (its metrics keep their plain names).</param>
    /// <param name="expectedAgents">The agents the test runs from; those without rows are reported as inconclusive.</param>
    public RunVerdict Evaluate(IReadOnlyList<FamilyResults> families, IReadOnlyList<TestAgentRef> expectedAgents)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(expectedAgents);

        var agents = new Dictionary<string, AgentAssessment>(StringComparer.Ordinal);
        foreach (var family in families)
        {
            foreach (var row in family.Rows)
            {
                var key = row.AgentId ?? row.AgentName;
                if (key is null)
                {
                    continue;
                }

                if (!agents.TryGetValue(key, out var agent))
                {
                    agent = new AgentAssessment(key, row.AgentName ?? NameOf(expectedAgents, key) ?? key, row.CountryId);
                    agents.Add(key, agent);
                }

                Assess(family.Family, family.ApiVersion, row.Raw, agent);
            }
        }

        foreach (var agent in agents.Values.Where(agent => agent.Failures.Count == 0))
        {
            agent.Failures.AddRange(agent.Fallbacks);
        }

        var results = agents.Values.Select(agent => agent.ToResult()).ToList();
        var missing = expectedAgents.Where(expected => !agents.ContainsKey(expected.AgentId)).ToList();
        results.AddRange(missing.Select(agent => new AgentResult
        {
            AgentId = agent.AgentId,
            AgentName = agent.AgentName ?? agent.AgentId,
            Verdict = TestVerdict.Inconclusive,
        }));

        var reasons = new List<string>();
        var reporting = agents.Count;
        var total = reporting + missing.Count;
        if (reporting == 0)
        {
            reasons.Add("no agent reported results for this run");
            return new RunVerdict(TestVerdict.Inconclusive, reasons, results);
        }

        var failing = agents.Values.Where(agent => agent.Verdict == TestVerdict.Failing).ToList();
        reasons.AddRange(failing
            .GroupBy(agent => (agent.Failures[0].Phase, agent.Failures[0].Detail))
            .OrderByDescending(group => group.Count())
            .Select(group => group.Key.Detail is null
                ? Invariant($"{group.Count()} of {reporting} agents fail at {group.Key.Phase}")
                : Invariant($"{group.Count()} of {reporting} agents fail at {group.Key.Phase}: {group.Key.Detail}")));
        reasons.AddRange(agents.Values
            .Where(agent => agent.Verdict == TestVerdict.Degraded)
            .SelectMany(agent => agent.Degradations)
            .GroupBy(degradation => degradation.Label)
            .OrderByDescending(group => group.Count())
            .Select(group => DescribeDegradation(group.ToList(), reporting)));
        if (missing.Count > 0)
        {
            reasons.Add(Invariant($"no data from {missing.Count} of {total} agents ({string.Join(", ", missing.Select(agent => agent.AgentName ?? agent.AgentId))})"));
        }

        var verdict = failing.Count >= _thresholds.FailingAgentShare * reporting ? TestVerdict.Failing
            : agents.Values.Any(agent => agent.Verdict != TestVerdict.Healthy) ? TestVerdict.Degraded
            : TestVerdict.Healthy;
        if (verdict == TestVerdict.Healthy)
        {
            reasons.Insert(0, HealthySummary(agents.Values, reporting));
        }

        return new RunVerdict(verdict, reasons, results);
    }

    private void Assess(TestResultFamily family, ThousandEyesApiVersion version, JsonObject raw, AgentAssessment agent)
    {
        if (VerdictFields.For(family, version) is not { } fields)
        {
            // Path visualisation (and families the engine does not judge) carry nothing the verdict uses.
            return;
        }

        var row = new RowView(raw, family, version, fields);
        foreach (var field in fields.Measurements)
        {
            if (row.Number(field) is { } value)
            {
                // The type's own family keeps plain names; a later family's clashing field is prefixed ("network.loss").
                agent.Metrics[agent.Metrics.ContainsKey(field) ? $"{family.Name}.{field}" : field] = value;
            }
        }

        switch (family.Name)
        {
            case "network":
                AssessLoss(row, agent, "Network", "loss");
                AboveThreshold(row, agent, "avgLatency", "latency", _thresholds.LatencyDegradedMs, " ms");
                AboveThreshold(row, agent, "jitter", "jitter", _thresholds.JitterDegradedMs, " ms");
                break;
            case "http-server":
                AssessResponse(row, agent, "HTTP", successBelow: 400);
                AboveThreshold(row, agent, "responseTime", "response time", _thresholds.ResponseTimeDegradedMs, " ms");
                break;
            case "page-load":
                // No error fields in page-load rows: a row without a page load time is taken as a page that did not
                // finish loading, unless the test's HTTP rows name the failure first (assumption; see docs/thousandeyes.md).
                if (row.Number("pageLoadTime") is null)
                {
                    agent.Fallbacks.Add(new AgentError { Phase = "Page load", Detail = "no page load time reported" });
                }

                AboveThreshold(row, agent, "pageLoadTime", "page load time", _thresholds.PageLoadDegradedMs, " ms");
                break;
            case "web-transactions":
                if (row.Phase is { } phase || row.Detail is not null)
                {
                    agent.Failures.Add(new AgentError { Phase = row.Phase ?? "Transaction", Detail = row.Detail });
                }

                break;
            case "transactions":
                if (row.Number("stepsCompleted") is { } completed && row.Number("totalSteps") is { } total && completed < total)
                {
                    agent.Failures.Add(new AgentError { Phase = "Transaction", Detail = Invariant($"{Format(completed)} of {Format(total)} steps completed") });
                }

                break;
            case "api":
                if (row.Phase is not null || row.Number("completion") is < 100)
                {
                    agent.Failures.Add(new AgentError { Phase = row.Phase ?? "API", Detail = row.Detail });
                }

                AboveThreshold(row, agent, "apiTransactionTime", "API time", _thresholds.ResponseTimeDegradedMs, " ms");
                break;
            case "ftp-server":
                AssessResponse(row, agent, "FTP", successBelow: 400);
                AboveThreshold(row, agent, "responseTime", "response time", _thresholds.ResponseTimeDegradedMs, " ms");
                break;
            case "dns-server":
                AssessDetail(row, agent, "DNS");
                AboveThreshold(row, agent, "resolutionTime", "DNS resolution time", _thresholds.DnsResolutionDegradedMs, " ms");
                break;
            case "dns-trace":
                AssessDetail(row, agent, "DNS");
                AboveThreshold(row, agent, "finalQueryTime", "final DNS query time", _thresholds.DnsResolutionDegradedMs, " ms");
                break;
            case "dnssec":
                // v6 writes valid (1/0), v7 isValid (a boolean); the table names the one this version has.
                if (row.Number(fields.Measurements[0]) is 0)
                {
                    agent.Failures.Add(new AgentError { Phase = "DNSSEC", Detail = row.Detail ?? "the DNSSEC chain does not validate" });
                }

                break;
            case "sip-server":
                if (row.Phase is { } sipPhase)
                {
                    agent.Failures.Add(new AgentError { Phase = sipPhase, Detail = row.Detail });
                }
                else if (row.Number("availability") is 0)
                {
                    agent.Failures.Add(new AgentError { Phase = "SIP", Detail = row.Detail ?? "the SIP server is unavailable" });
                }

                break;
            case "rtp-server":
                AssessLoss(row, agent, "Voice", "voice loss");
                if (row.Number("mos") is { } mos && mos < _thresholds.MosDegradedBelow && agent.Failures.Count == 0)
                {
                    agent.Degradations.Add(new Degradation("MOS", mos, _thresholds.MosDegradedBelow, "", LowerIsWorse: true));
                }

                break;
            default:
                break;
        }
    }

    private void AssessLoss(RowView row, AgentAssessment agent, string phase, string label)
    {
        if (row.Number("loss") is not { } loss)
        {
            return;
        }

        if (loss >= _thresholds.LossFailingPercent)
        {
            agent.Failures.Add(new AgentError { Phase = phase, Detail = row.Detail ?? Invariant($"{Format(loss)}% packet loss") });
        }
        else if (loss >= _thresholds.LossDegradedPercent)
        {
            agent.Degradations.Add(new Degradation(label, loss, _thresholds.LossDegradedPercent, "%", LowerIsWorse: false));
        }
    }

    private static void AssessResponse(RowView row, AgentAssessment agent, string defaultPhase, int successBelow)
    {
        var code = row.Number("responseCode");
        var phase = row.Phase;
        if (phase is null && (code is null || (code > 0 && code < successBelow)))
        {
            return;
        }

        var detail = row.Detail ?? (code is > 0 ? Invariant($"response code {code}") : null);
        agent.Failures.Add(new AgentError { Phase = phase ?? defaultPhase, Detail = detail });
    }

    private static void AssessDetail(RowView row, AgentAssessment agent, string phase)
    {
        if (row.Detail is { } detail)
        {
            agent.Failures.Add(new AgentError { Phase = phase, Detail = detail });
        }
    }

    private static void AboveThreshold(RowView row, AgentAssessment agent, string field, string label, double threshold, string unit)
    {
        if (row.Number(field) is { } value && value >= threshold)
        {
            agent.Degradations.Add(new Degradation(label, value, threshold, unit, LowerIsWorse: false));
        }
    }

    private static string DescribeDegradation(List<Degradation> group, int reporting)
    {
        var first = group[0];
        var worst = first.LowerIsWorse ? group.Min(d => d.Value) : group.Max(d => d.Value);
        var direction = first.LowerIsWorse ? "down to" : "up to";
        return Invariant($"{first.Label} {direction} {Format(worst)}{first.Unit} from {group.Count} of {reporting} agents (threshold {Format(first.Threshold)}{first.Unit})");
    }

    private static string HealthySummary(IEnumerable<AgentAssessment> agents, int reporting)
    {
        var list = agents.ToList();
        var parts = new List<string>();
        if (list.Select(a => a.Metrics.GetValueOrDefault("loss", double.NaN)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max() is var loss && double.IsFinite(loss))
        {
            parts.Add(Invariant($"loss at most {Format(loss)}%"));
        }

        if (list.Select(a => a.Metrics.GetValueOrDefault("avgLatency", double.NaN)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max() is var latency && double.IsFinite(latency))
        {
            parts.Add(Invariant($"latency at most {Format(latency)} ms"));
        }

        var codes = list.Select(a => a.Metrics.GetValueOrDefault("responseCode", double.NaN)).Where(double.IsFinite).Distinct().ToList();
        if (codes.Count > 0)
        {
            parts.Add("response " + string.Join("/", codes.Select(Format)));
        }

        var summary = reporting == 1 ? "1 agent healthy" : Invariant($"all {reporting} agents healthy");
        return parts.Count == 0 ? summary : $"{summary}: {string.Join(", ", parts)}";
    }

    private static string? NameOf(IReadOnlyList<TestAgentRef> agents, string agentId) =>
        agents.FirstOrDefault(agent => agent.AgentId == agentId)?.AgentName;

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
