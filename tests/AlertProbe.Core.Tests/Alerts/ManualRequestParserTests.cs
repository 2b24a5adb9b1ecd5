using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Tests.Alerts;

public class ManualRequestParserTests
{
    private static readonly PayloadHints WithMessageId = new() { MessageId = "msg-42", EnqueuedTime = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero) };

    [Fact]
    public void Single_request_becomes_one_manual_plan_with_its_fields()
    {
        var result = AlertFixtures.Parse("manual/single.json", WithMessageId);

        AlertFixtures.AssertSuccess(result);
        var plan = Assert.Single(result.ManualPlans);
        Assert.Equal("manual", plan.Rule);
        Assert.Equal("msg-42", plan.AlertId);
        Assert.Equal(AlertSource.Manual, plan.Source);
        Assert.Equal("http-server", plan.TestType);
        Assert.Equal("https://www.example.com/login", plan.Target);
        Assert.Equal("2090", plan.AccountGroupId);
        Assert.Equal("login check from ops", plan.TestName);
        Assert.Equal(["followRedirects", "protocol", "url"], plan.Fields.Select(field => field.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Agent_ids_given_as_strings_and_numbers_are_both_taken()
    {
        var plan = Assert.Single(AlertFixtures.Parse("manual/single.json", WithMessageId).ManualPlans);

        Assert.Equal(["113", "4521"], plan.Agents.Ids);
    }

    [Fact]
    public void Follow_up_reads_collect_and_rerun_count_and_interval()
    {
        var plan = Assert.Single(AlertFixtures.Parse("manual/single.json", WithMessageId).ManualPlans);

        Assert.Equal(new FollowUpPolicy(true, new RerunPolicy(2, TimeSpan.FromMinutes(5), StopWhenResolved: false)), plan.FollowUp);
    }

    [Fact]
    public void Single_request_also_gives_a_firing_synthetic_alert_with_the_reply_address()
    {
        var alert = Assert.Single(AlertFixtures.Parse("manual/single.json", WithMessageId).Alerts);

        Assert.Equal(AlertSource.Manual, alert.Source);
        Assert.Equal(AlertStatus.Firing, alert.Status);
        Assert.Equal("msg-42", alert.Id);
        Assert.Equal("login check from ops", alert.Name);
        Assert.Equal(new AlertTarget(AlertTargetKind.Url, "https://www.example.com/login", "url"), Assert.Single(alert.Targets));
        Assert.Equal("https://hooks.example.com/alertprobe", alert.Reply?["webhookUrl"]?.GetValue<string>());
        Assert.Equal(WithMessageId.EnqueuedTime, alert.StartedAt);
    }

    [Fact]
    public void Without_a_message_id_the_alert_id_is_a_stable_hash_of_the_body()
    {
        var first = Assert.Single(AlertFixtures.Parse("manual/single.json").ManualPlans);
        var second = Assert.Single(AlertFixtures.Parse("manual/single.json").ManualPlans);

        Assert.StartsWith("sha256-", first.AlertId, StringComparison.Ordinal);
        Assert.Equal(first.AlertId, second.AlertId);
    }

    [Fact]
    public void Tests_list_gives_a_plan_per_test_with_indexed_alert_ids()
    {
        var result = AlertFixtures.Parse("manual/list.json", WithMessageId);

        AlertFixtures.AssertSuccess(result);
        Assert.Equal(
            [("msg-42/0", "agent-to-server", "db.example.net:5432"), ("msg-42/1", "dns-server", "example.net"), ("msg-42/2", "page-load", "https://portal.example.net/")],
            result.ManualPlans.Select(plan => (plan.AlertId, plan.TestType, plan.Target)));
        Assert.Equal(3, result.Alerts.Count);
    }

    [Fact]
    public void Bare_array_gives_a_plan_per_test()
    {
        var result = AlertFixtures.Parse("manual/array.json", WithMessageId);

        AlertFixtures.AssertSuccess(result);
        Assert.Equal(["https://a.example.org/", "9001"], result.ManualPlans.Select(plan => plan.Target));
    }

    [Fact]
    public void Collect_false_without_rerun_is_a_single_uncollected_run()
    {
        var plan = AlertFixtures.Parse("manual/list.json", WithMessageId).ManualPlans[2];

        Assert.Equal(new FollowUpPolicy(false, null), plan.FollowUp);
    }

    [Fact]
    public void Missing_follow_up_collects_once()
    {
        var plan = AlertFixtures.Parse("manual/list.json", WithMessageId).ManualPlans[0];

        Assert.Equal(FollowUpPolicy.CollectOnce, plan.FollowUp);
    }

    public static TheoryData<string, AgentSelector> AgentCriteria => new()
    {
        { """{"agentId":"113"}""", new AgentSelector { Ids = ["113"] } },
        { """{"agentName":"Frankfurt, Germany"}""", new AgentSelector { Names = ["Frankfurt, Germany"] } },
        { """{"label":"branch-offices"}""", new AgentSelector { Labels = ["branch-offices"] } },
        { """{"country":"de"}""", new AgentSelector { Countries = ["DE"] } },
        { """{"type":"enterprise"}""", new AgentSelector { Types = ["enterprise"] } },
    };

    [Theory]
    [MemberData(nameof(AgentCriteria))]
    public void Each_agent_criterion_fills_its_part_of_the_selector(string criterion, AgentSelector expected)
    {
        var plan = Assert.Single(AlertFixtures.ParseText($$"""{"testType":"http-server","url":"https://x.example.com","agents":[{{criterion}}]}""").ManualPlans);

        Assert.Equal(expected.Ids, plan.Agents.Ids);
        Assert.Equal(expected.Names, plan.Agents.Names);
        Assert.Equal(expected.Labels, plan.Agents.Labels);
        Assert.Equal(expected.Countries, plan.Agents.Countries);
        Assert.Equal(expected.Types, plan.Agents.Types);
    }

    [Fact]
    public void Max_agents_limits_the_selector()
    {
        var plan = AlertFixtures.Parse("manual/list.json").ManualPlans[0];

        Assert.Equal(3, plan.Agents.Max);
        Assert.Equal(["DE"], plan.Agents.Countries);
        Assert.Equal(["cloud"], plan.Agents.Types);
    }

    [Theory]
    [InlineData("""{"url":"https://x.example.com","agents":[{"agentId":"1"}]}""", RejectionReasons.MissingField, "testType")]
    [InlineData("""{"testType":"http-server","agents":[{"agentId":"1"}]}""", RejectionReasons.MissingField, "url")]
    [InlineData("""{"testType":"agent-to-server","agents":[{"agentId":"1"}]}""", RejectionReasons.MissingField, "server")]
    [InlineData("""{"testType":"http-server","url":"https://x.example.com"}""", RejectionReasons.MissingField, "agents")]
    [InlineData("""{"testType":"http-server","url":"https://x.example.com","agents":[]}""", RejectionReasons.InvalidField, "/agents")]
    [InlineData("""{"testType":"carrier-pigeon","url":"https://x.example.com","agents":[{"agentId":"1"}]}""", RejectionReasons.InvalidField, "/testType")]
    [InlineData("""{"testType":"http-server","url":"https://x.example.com","agents":[{"agentId":"1","label":"x"}]}""", RejectionReasons.InvalidField, "/agents/0")]
    [InlineData("""{"testType":"http-server","url":"https://x.example.com","agents":[{"country":"Germany"}]}""", RejectionReasons.InvalidField, "/agents/0/country")]
    [InlineData("""{"testType":"http-server","url":"not a url","agents":[{"agentId":"1"}]}""", RejectionReasons.InvalidField, "/url")]
    [InlineData("""{"testType":"http-server","url":"/etc/passwd","agents":[{"agentId":"1"}]}""", RejectionReasons.InvalidField, "/url")]
    [InlineData("""{"testType":"page-load","url":"ftp://files.example.com/","agents":[{"agentId":"1"}]}""", RejectionReasons.InvalidField, "/url")]
    [InlineData("""{"testType":"http-server","url":"https://x.example.com","agents":[{"agentId":"1"}],"followUp":{"rerun":{"count":2,"interval":"PT10S"}}}""", RejectionReasons.InvalidField, "/followUp/rerun/interval")]
    [InlineData("""{"testType":"http-server","url":"https://x.example.com","agents":[{"agentId":"1"}],"followUp":{"rerun":{"count":99,"interval":"PT5M"}}}""", RejectionReasons.InvalidField, "/followUp/rerun/count")]
    [InlineData("""{"tests":[{"testType":"http-server","url":"https://x.example.com","agents":[{"agentId":"1"}]},{"testType":"http-server","agents":[{"agentId":"1"}]}]}""", RejectionReasons.MissingField, "/tests/1")]
    public void Invalid_request_is_refused_with_the_field_and_reason(string json, string reason, string mentioned)
    {
        var result = AlertFixtures.ParseText(json, new PayloadHints { Source = "manual" });

        Assert.Equal(reason, result.Rejection?.Reason);
        Assert.Contains(mentioned, result.Rejection!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Bgp_is_an_unsupported_test_type()
    {
        var result = AlertFixtures.ParseText("""{"tests":[{"testType":"http-server","url":"https://x.example.com","agents":[{"agentId":"1"}]},{"testType":"bgp","prefix":"192.0.2.0/24","agents":[{"agentId":"1"}]}]}""");

        Assert.Equal(RejectionReasons.UnsupportedTestType, result.Rejection?.Reason);
        Assert.Contains("/tests/1/testType", result.Rejection!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("manual/single.json")]
    [InlineData("manual/list.json")]
    [InlineData("manual/array.json")]
    public void Published_schema_is_embedded_and_accepts_the_manual_fixture(string fixture)
    {
        using var document = System.Text.Json.JsonDocument.Parse(AlertFixtures.Bytes(fixture));

        Assert.True(Core.Alerts.Formats.ManualRequestSchema.Document.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void Envelope_members_are_not_copied_into_the_fields()
    {
        var plan = Assert.Single(AlertFixtures.ParseText("""
            {"schemaVersion":"1.0","testType":"agent-to-server","server":"h.example.com:443","agents":[{"agentId":"1"}],"maxAgents":1,
             "followUp":{"collect":true},"accountGroupId":7,"testName":"n","reply":{},"protocol":"tcp"}
            """).ManualPlans);

        Assert.Equal(new JsonObject { ["server"] = "h.example.com:443", ["protocol"] = "tcp" }.ToJsonString(), plan.Fields.ToJsonString());
        Assert.Equal("7", plan.AccountGroupId);
    }
}
