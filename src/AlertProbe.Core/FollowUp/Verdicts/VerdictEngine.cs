using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// Turns the rows of one run into a per-agent summary and an overall verdict with reasons in plain words
/// ("3 of 5 agents fail at HTTP: HTTP 503 Service Unavailable"; "loss up to 12% from 2 of 5 agents").
/// An agent fails when a row names a failing phase (<c>errorType</c>), an error response code, total loss or an
/// incomplete transaction; it is degraded when a measurement passes its threshold. The run fails when at least
/// <see cref="VerdictThresholds.FailingAgentShare"/> of the agents with data fail, is degraded when any agent
/// fails or is degraded, and is inconclusive when no agent reported.
/// </summary>
public sealed class VerdictEngine(VerdictThresholds thresholds)
{
    private static readonly string[] NetworkFields = ["loss", "avgLatency", "minLatency", "maxLatency", "jitter"];
    private static readonly string[] HttpFields = ["responseCode", "dnsTime", "connectTime", "sslTime", "waitTime", "receiveTime", "responseTime", "totalTime", "wireSize", "throughput"];
    private static readonly string[] PageLoadFields = ["responseCode", "responseTime", "domLoadTime", "pageLoadTime", "numObjects", "numErrors", "totalSize"];
    private static readonly string[] TransactionFields = ["completion", "transactionTime", "numPages"];
    private static readonly string[] ApiFields = ["completion", "totalTime"];
    private static readonly string[] FtpFields = ["responseCode", "dnsTime", "connectTime", "negotiationTime", "waitTime", "responseTime", "totalTime", "throughput"];
    private static readonly string[] DnsFields = ["resolutionTime"];
    private static readonly string[] DnssecFields = ["valid"];
    private static readonly string[] SipFields = ["availability", "responseCode", "connectTime", "optionsTime", "registerTime", "inviteTime", "totalTime"];
    private static readonly string[] RtpFields = ["loss", "mos", "latency", "pdv", "discards"];

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

                Assess(family.Family, row.Raw, agent);
            }
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

    private void Assess(TestResultFamily family, JsonObject row, AgentAssessment agent)
    {
        switch (family.Name)
        {
            case "network":
                Copy(row, agent, family, NetworkFields);
                AssessLoss(row, agent, "Network", "loss");
                AboveThreshold(row, agent, "avgLatency", "latency", _thresholds.LatencyDegradedMs, " ms");
                AboveThreshold(row, agent, "jitter", "jitter", _thresholds.JitterDegradedMs, " ms");
                break;
            case "http-server":
                Copy(row, agent, family, HttpFields);
                AssessResponse(row, agent, "HTTP", successBelow: 400);
                AboveThreshold(row, agent, "responseTime", "response time", _thresholds.ResponseTimeDegradedMs, " ms");
                break;
            case "page-load":
                Copy(row, agent, family, PageLoadFields);
                AssessResponse(row, agent, "HTTP", successBelow: 400);
                AboveThreshold(row, agent, "pageLoadTime", "page load time", _thresholds.PageLoadDegradedMs, " ms");
                break;
            case "web-transactions" or "transactions":
                Copy(row, agent, family, TransactionFields);
                AssessCompletion(row, agent, "Transaction");
                break;
            case "api":
                Copy(row, agent, family, ApiFields);
                AssessCompletion(row, agent, "API");
                AboveThreshold(row, agent, "totalTime", "API time", _thresholds.ResponseTimeDegradedMs, " ms");
                break;
            case "ftp-server":
                Copy(row, agent, family, FtpFields);
                AssessResponse(row, agent, "FTP", successBelow: 400);
                AboveThreshold(row, agent, "responseTime", "response time", _thresholds.ResponseTimeDegradedMs, " ms");
                break;
            case "dns-server" or "dns-trace":
                Copy(row, agent, family, DnsFields);
                if (RawMetrics.Text(row, "errorType") is { } dnsPhase)
                {
                    agent.Failures.Add(new AgentError { Phase = dnsPhase, Detail = RawMetrics.Text(row, "errorDetails") });
                }
                else if (RawMetrics.Number(row, "resolutionTime") is null && RawMetrics.Text(row, "errorDetails") is { } dnsError)
                {
                    agent.Failures.Add(new AgentError { Phase = "DNS", Detail = dnsError });
                }

                AboveThreshold(row, agent, "resolutionTime", "DNS resolution time", _thresholds.DnsResolutionDegradedMs, " ms");
                break;
            case "dnssec":
                Copy(row, agent, family, DnssecFields);
                if (RawMetrics.Number(row, "valid") is 0)
                {
                    agent.Failures.Add(new AgentError { Phase = "DNSSEC", Detail = RawMetrics.Text(row, "errorDetails") ?? "the DNSSEC chain does not validate" });
                }

                break;
            case "sip-server":
                Copy(row, agent, family, SipFields);
                if (RawMetrics.Text(row, "errorType") is { } sipPhase)
                {
                    agent.Failures.Add(new AgentError { Phase = sipPhase, Detail = RawMetrics.Text(row, "errorDetails") });
                }
                else if (RawMetrics.Number(row, "availability") is 0)
                {
                    agent.Failures.Add(new AgentError { Phase = "SIP", Detail = RawMetrics.Text(row, "errorDetails") ?? "the SIP server is unavailable" });
                }

                break;
            case "rtp-server":
                Copy(row, agent, family, RtpFields);
                AssessLoss(row, agent, "Voice", "voice loss");
                if (RawMetrics.Number(row, "mos") is { } mos && mos < _thresholds.MosDegradedBelow && agent.Failures.Count == 0)
                {
                    agent.Degradations.Add(new Degradation("MOS", mos, _thresholds.MosDegradedBelow, "", LowerIsWorse: true));
                }

                break;
            default:
                // Path visualisation and other families carry nothing the verdict uses.
                break;
        }
    }

    private void AssessLoss(JsonObject row, AgentAssessment agent, string phase, string label)
    {
        if (RawMetrics.Number(row, "loss") is not { } loss)
        {
            return;
        }

        if (loss >= _thresholds.LossFailingPercent)
        {
            agent.Failures.Add(new AgentError { Phase = phase, Detail = RawMetrics.Text(row, "errorDetails") ?? Invariant($"{Format(loss)}% packet loss") });
        }
        else if (loss >= _thresholds.LossDegradedPercent)
        {
            agent.Degradations.Add(new Degradation(label, loss, _thresholds.LossDegradedPercent, "%", LowerIsWorse: false));
        }
    }

    private static void AssessResponse(JsonObject row, AgentAssessment agent, string defaultPhase, int successBelow)
    {
        var code = RawMetrics.Number(row, "responseCode");
        var phase = RawMetrics.Text(row, "errorType");
        if (phase is null && (code is null || (code > 0 && code < successBelow)))
        {
            return;
        }

        var detail = RawMetrics.Text(row, "errorDetails")
                     ?? (code is > 0 ? Invariant($"response code {code}") : null);
        agent.Failures.Add(new AgentError { Phase = phase ?? defaultPhase, Detail = detail });
    }

    private static void AssessCompletion(JsonObject row, AgentAssessment agent, string defaultPhase)
    {
        var phase = RawMetrics.Text(row, "errorType");
        if (phase is null && RawMetrics.Number(row, "completion") is null or >= 100)
        {
            return;
        }

        agent.Failures.Add(new AgentError { Phase = phase ?? defaultPhase, Detail = RawMetrics.Text(row, "errorDetails") });
    }

    private static void AboveThreshold(JsonObject row, AgentAssessment agent, string field, string label, double threshold, string unit)
    {
        if (RawMetrics.Number(row, field) is { } value && value >= threshold)
        {
            agent.Degradations.Add(new Degradation(label, value, threshold, unit, LowerIsWorse: false));
        }
    }

    /// <summary>The type's own family keeps plain field names; a later family's clashing field is prefixed ("network.loss").</summary>
    private static void Copy(JsonObject row, AgentAssessment agent, TestResultFamily family, string[] fields)
    {
        foreach (var field in fields)
        {
            if (RawMetrics.Number(row, field) is { } value)
            {
                var key = agent.Metrics.ContainsKey(field) ? $"{family.Name}.{field}" : field;
                agent.Metrics[key] = value;
            }
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
