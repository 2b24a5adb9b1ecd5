using AlertProbe.Core.Alerts;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.Tests.Messages;

/// <summary>Fully populated sample contracts; tests change what they are about with <c>with</c>.</summary>
internal static class MessageSamples
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public static TestTrigger Trigger { get; } = new()
    {
        Source = AlertSource.AzureMonitor,
        AlertId = "/subscriptions/0000/providers/Microsoft.AlertsManagement/alerts/abc",
        Rule = "web-latency",
        Severity = AlertSeverity.Critical,
        OriginalMessageId = "msg-1",
        CorrelationId = "corr-1",
    };

    public static InstantTestCreated Created(int run = 0) => new()
    {
        TestId = "281474976710656",
        TestType = "http-server",
        TestName = "alertprobe web-latency example.com",
        ApiVersion = InstantTestApiVersion.V7,
        Target = "https://example.com/health",
        Agents = [new TestAgentRef { AgentId = "113", AgentName = "Frankfurt, Germany" }, new TestAgentRef { AgentId = "114" }],
        CreatedAt = CreatedAt,
        Run = run,
        ResultLinks =
        [
            new ResultLink { Family = "http-server", Href = new Uri("https://api.thousandeyes.com/v7/test-results/281474976710656/http-server") },
            new ResultLink { Family = "network", Href = new Uri("https://api.thousandeyes.com/v7/test-results/281474976710656/network") },
        ],
        AccountGroupId = "1234",
        Trigger = Trigger,
        FollowUp = new FollowUpInstructions
        {
            Collect = true,
            Rerun = new RerunInstructions { Count = 2, Interval = TimeSpan.FromMinutes(5), StopWhenResolved = true },
        },
        ReplyTo = new ReplyAddress { Kind = ReplyKind.Slack, Url = new Uri("https://hooks.slack.com/commands/T000/B000/xyz") },
    };

    public static InstantTestCreated MinimalCreated() => Created() with
    {
        ResultLinks = [],
        AccountGroupId = null,
        FollowUp = new FollowUpInstructions { Collect = false },
        ReplyTo = null,
        Agents = [new TestAgentRef { AgentId = "113" }],
    };

    public static InstantTestResults Results(int run = 0) => new()
    {
        TestId = "281474976710656",
        TestType = "http-server",
        Run = run,
        Target = "https://example.com/health",
        Trigger = Trigger,
        CollectedAt = CreatedAt.AddMinutes(2),
        Verdict = TestVerdict.Degraded,
        Reasons = ["Frankfurt: response time 2400 ms is above 1000 ms"],
        Agents =
        [
            new AgentResult
            {
                AgentId = "113",
                AgentName = "Frankfurt, Germany",
                CountryId = "DE",
                Verdict = TestVerdict.Degraded,
                Metrics = new Dictionary<string, double> { ["responseTime"] = 2400, ["loss"] = 0.5 },
            },
            new AgentResult
            {
                AgentId = "114",
                AgentName = "Tokyo, Japan",
                Verdict = TestVerdict.Failing,
                ServerIp = "192.0.2.10",
                Network = "Example Transit (AS 64500)",
                Error = new AgentError { Phase = "Connect", Detail = "Connection timed out", Layer = "connect" },
                Errors = [new AgentError { Phase = "Connect", Detail = "Connection timed out", Layer = "connect" }],
                Findings = ["jitter 40 ms (threshold 30 ms)"],
                LastHop = "hop 7 203.0.113.9, Level 3 Parent, LLC (AS 3356)",
                AppLink = new Uri("https://app.thousandeyes.com/view/tests?testId=281474976710656&agentId=114"),
            },
        ],
        Location = new FaultLocation
        {
            Layer = "path",
            Rule = "path.shared-last-hop",
            Summary = "path: loss begins at hop 7, 203.0.113.9 (Level 3 Parent, LLC (AS 3356))",
            Evidence = ["Tokyo, Japan: 3 of 3 traces stop at 203.0.113.9 (forwarding loss 100%)"],
        },
        AppLink = new Uri("https://app.thousandeyes.com/view/tests?testId=281474976710656"),
        Links = [new ResultLink { Family = "app", Href = new Uri("https://app.thousandeyes.com/view/tests/?testId=281474976710656") }],
    };
}
