using System.Text.Json;

namespace AlertProbe.Cli.Tests.LocalRun;

/// <summary>
/// <c>alertprobe run --fail-target TEXT=SITUATION</c> against the embedded simulator shows each fault localisation of
/// issue 16: the verdict, the rule that fired and the location line, in <c>--json</c> and in the text report. The tests
/// run from agents 113 (Ashburn, US), 114 (Frankfurt, DE) and 116 (Tokyo, JP); a situation that fails "every agent but
/// the first" spares Ashburn. Every run is bounded by <c>--timeout</c> and by a wait on the invocation.
/// </summary>
public sealed class SituationRunTests
{
    private const string HttpPayload = """{"testType":"http-server","url":"https://shop.example.com/","agents":[{"agentId":"113"},{"agentId":"114"},{"agentId":"116"}]}""";
    private const string DnsPayload = """{"testType":"dns-server","domain":"example.org A","dnsServers":["ns1.example.net","ns2.example.net"],"agents":[{"agentId":"113"},{"agentId":"114"},{"agentId":"116"}]}""";

    // The rule gives the expected answer: without one, DNS answers are not judged (docs/follow-up.md).
    private const string WrongAnswerRules = """
        version: 1
        rules:
          - name: dns-answer
            match:
              labels: ['alertname="DnsAnswerWrong"']
            tests:
              - type: dns-server
                domain: "{{ labels.domain }} A"
                dnsServers: ["ns1.example.net"]
                agents: { ids: ["113", "114", "116"] }
            followUp:
              collect: true
              verdict:
                expectedAnswers: [203.0.113.10]
        """;

    private const string WrongAnswerAlert = """
        {"version":"4","groupKey":"{}:{alertname=\"DnsAnswerWrong\"}","status":"firing","receiver":"alertprobe","groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"https://alertmanager.example",
         "alerts":[{"status":"firing","labels":{"alertname":"DnsAnswerWrong","domain":"example.org","severity":"critical"},"annotations":{},"startsAt":"2025-11-04T16:21:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"https://prometheus.example/graph","fingerprint":"1d1e9a0b2c3f4e56"}]}
        """;

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    public static TheoryData<string, string, string, string, string> Situations() => new()
    {
        { "agent-local", "http", "healthy", "agent.trace-dies-locally", "agent-side: Ashburn, VA (its own network); left out of the verdict" },
        { "local-problem", "http", "healthy", "agent.local-problems", "agent-side: Ashburn, VA (ThousandEyes reports local problems); left out of the verdict" },
        { "path-loss", "http", "failing", "path.shared-last-hop", "path: loss begins at hop 7, 203.0.113.9 (Level 3 Parent, LLC (AS 3356)) (traces of 2 of 2 failing agents stop there)" },
        { "path-loss:5:198.51.100.1:2914@114,116", "http", "failing", "path.shared-last-hop", "path: loss begins at hop 5, 198.51.100.1 (Transit AS2914 (AS 2914)) (traces of 2 of 2 failing agents stop there)" },
        { "probes-filtered", "http", "healthy", "probes-filtered.application-answered", "probes filtered: network probes lost from 3 agents while the application answered; not a fault of the service" },
        { "ipv6-only", "http", "failing", "address-family.one-family-fails", "address family: IPv6 fails (2001:db8:" },
        { "target-down", "http", "failing", "target.reached-not-answering", "target: traces reach 192.0.2." },
        { "http-503", "http", "failing", "target.application-errors", "target: HTTP errors from 3 agents in 3 networks (HTTP 503 Service Unavailable)" },
        { "dns", "http", "failing", "dns.resolution", "DNS: the name does not resolve from 3 agents in 3 networks (Could not resolve host: shop.example.com)" },
        { "dns-server-down:ns2.example.net", "dns", "failing", "dns.server-down", "DNS: server ns2.example.net fails from every agent; ns1.example.net answers" },
        { "dns-wrong-answer", "wrong-answer", "failing", "dns.wrong-answer", "DNS: wrong answer from ns1.example.net: answered 198.51.100.66, expected 203.0.113.10" },
    };

    [Theory]
    [MemberData(nameof(Situations))]
    public async Task Run_json_shows_the_situations_verdict_rule_and_location_line(string situation, string payload, string verdict, string rule, string summary)
    {
        var test = await RunSingleTestAsync(situation, payload, json: true);

        var location = test.GetProperty("location");
        Assert.Equal((verdict, rule), (test.GetProperty("verdict").GetString(), location.GetProperty("rule").GetString()));
        Assert.StartsWith(summary, location.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(location.GetProperty("evidence").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Situations))]
    public async Task The_text_report_leads_with_the_location_line(string situation, string payload, string verdict, string rule, string summary)
    {
        _ = rule;
        var (output, exitCode) = await RunTextAsync(situation, payload);

        Assert.True(exitCode == 0, output);
        Assert.Contains(summary, output, StringComparison.Ordinal);
        Assert.Contains(verdict, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_situation_is_a_usage_error_naming_the_accepted_ones()
    {
        using var payload = TempFile.With(HttpPayload);

        var result = await CliInvocation.RunAsync("run", payload.Path, "--fail-target", "shop.example.com=flood", "--timeout", "1m").WaitAsync(Bound);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'flood' is not a situation; use one of timeout, http-NNN, dns", result.Error, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> RunSingleTestAsync(string situation, string payload, bool json)
    {
        var (args, files) = Arguments(situation, payload);
        try
        {
            var result = await CliInvocation.RunAsync([.. args, .. json ? new[] { "--json" } : []]).WaitAsync(Bound);
            Assert.True(result.ExitCode == 0, result.Error + result.Out);
            using var document = JsonDocument.Parse(result.Out);
            return Assert.Single(document.RootElement.GetProperty("tests").EnumerateArray()).Clone();
        }
        finally
        {
            files.ForEach(file => file.Dispose());
        }
    }

    private static async Task<(string Output, int ExitCode)> RunTextAsync(string situation, string payload)
    {
        var (args, files) = Arguments(situation, payload);
        try
        {
            var result = await CliInvocation.RunAsync(args).WaitAsync(Bound);
            return (result.Out + result.Error, result.ExitCode);
        }
        finally
        {
            files.ForEach(file => file.Dispose());
        }
    }

    private static (string[] Args, List<TempFile> Files) Arguments(string situation, string payload)
    {
        var files = new List<TempFile>();
        if (payload == "wrong-answer")
        {
            var rules = TempFile.With(WrongAnswerRules, ".yaml");
            var alert = TempFile.With(WrongAnswerAlert);
            files.AddRange([rules, alert]);
            return (["run", alert.Path, "--rules", rules.Path, "--fail-target", "example.org=" + situation, "--timeout", "2m"], files);
        }

        var file = TempFile.With(payload == "dns" ? DnsPayload : HttpPayload);
        files.Add(file);
        var target = payload == "dns" ? "example.org" : "shop.example.com";
        return (["run", file.Path, "--fail-target", $"{target}={situation}", "--timeout", "2m"], files);
    }
}
