using AlertProbe.Core.Alerts;
using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Tests.Planning;

public class CoalescingKeyTests
{
    [Theory]
    [InlineData("http-server", "https://shop.example.com", "https://Shop.Example.COM:443/")]
    [InlineData("http-server", "https://shop.example.com/health", "HTTPS://shop.example.com/health/")]
    [InlineData("http-server", "http://shop.example.com/", "http://shop.example.com:80")]
    [InlineData("http-server", "https://xn--bcher-kva.example/", "https://bücher.example")]
    [InlineData("http-server", "https://shop.example.com/a?b=1", "https://shop.example.com/a?b=1#frag")]
    [InlineData("agent-to-server", "db.example.com:5432", "DB.Example.com:5432")]
    [InlineData("agent-to-server", "[2001:db8::1]:443", "[2001:0db8:0:0::1]:443")]
    [InlineData("dns-trace", "example.com", "Example.COM.")]
    [InlineData("dns-server", "example.com A", "example.com. a")]
    [InlineData("dns-dnssec", "example.com", "example.com")]
    public void Same_target_spelled_differently_gives_the_same_key(string testType, string first, string second)
    {
        Assert.Equal(CoalescingKey.For(Plan(testType, first)), CoalescingKey.For(Plan(testType, second)));
    }

    [Fact]
    public void A_manual_and_a_rule_plan_for_the_same_DNS_query_share_a_key()
    {
        var fields = new System.Text.Json.Nodes.JsonObject { ["domain"] = "Example.com. A" };
        var manual = Plan("dns-trace", "example.com") with { Fields = fields };
        var rule = Plan("dns-trace", "example.com A") with { Fields = (System.Text.Json.Nodes.JsonObject)fields.DeepClone() };

        Assert.Equal(CoalescingKey.For(rule), CoalescingKey.For(manual));
    }

    [Fact]
    public void DNS_queries_for_different_record_types_have_different_keys()
    {
        var a = Plan("dns-trace", "example.com") with { Fields = new() { ["domain"] = "example.com A" } };
        var aaaa = Plan("dns-trace", "example.com") with { Fields = new() { ["domain"] = "example.com AAAA" } };

        Assert.NotEqual(CoalescingKey.For(a), CoalescingKey.For(aaaa));
    }

    [Fact]
    public void V6_alias_and_v7_name_give_the_same_key()
    {
        Assert.Equal(CoalescingKey.For(Plan("dns-dnssec", "example.com")), CoalescingKey.For(Plan("dnssec", "example.com")));
    }

    [Fact]
    public void Agent_order_and_case_do_not_matter()
    {
        var first = Plan("http-server", "https://a.example") with { Agents = new AgentSelector { Ids = ["2", "1"], Countries = ["de"], Labels = ["Probes"] } };
        var second = Plan("http-server", "https://a.example") with { Agents = new AgentSelector { Ids = ["1", "2"], Countries = ["DE"], Labels = ["probes"] } };

        Assert.Equal(CoalescingKey.For(first), CoalescingKey.For(second));
    }

    public static TheoryData<TestPlan> DifferentPlans => new()
    {
        Plan("http-server", "https://a.example") with { Agents = new AgentSelector { Ids = ["2"] } },
        Plan("http-server", "https://a.example") with { Agents = new AgentSelector { Ids = ["1"], Max = 1 } },
        Plan("http-server", "https://a.example") with { AccountGroupId = "42" },
        Plan("http-server", "https://a.example/other"),
        Plan("http-server", "https://a.example:8443"),
        Plan("http-server", "http://a.example"),
        Plan("page-load", "https://a.example"),
    };

    [Theory]
    [MemberData(nameof(DifferentPlans))]
    public void Different_agents_account_target_or_type_give_a_different_key(TestPlan other)
    {
        var baseline = Plan("http-server", "https://a.example") with { Agents = new AgentSelector { Ids = ["1"] } };

        Assert.NotEqual(CoalescingKey.For(baseline), CoalescingKey.For(other));
    }

    [Fact]
    public void Dns_servers_are_part_of_a_dns_server_key()
    {
        var first = Plan("dns-server", "example.com A") with { Fields = new() { ["dnsServers"] = new System.Text.Json.Nodes.JsonArray("ns1.example.com") } };
        var second = Plan("dns-server", "example.com A") with { Fields = new() { ["dnsServers"] = new System.Text.Json.Nodes.JsonArray("ns2.example.com") } };

        Assert.NotEqual(CoalescingKey.For(first), CoalescingKey.For(second));
    }

    [Fact]
    public void Key_is_readable_and_has_a_storage_safe_form()
    {
        var key = CoalescingKey.For(Plan("http-server", "https://Shop.example.com") with { Agents = new AgentSelector { Labels = ["probes"], Max = 2 } });

        Assert.Equal("http-server|https://shop.example.com/|labels=probes;max=2|aid=-", key.Value);
        Assert.Matches("^[0-9a-f]{64}$", key.ToStorageKey());
    }

    [Fact]
    public void Display_masks_query_values_and_keeps_their_names()
    {
        var key = CoalescingKey.For(Plan("http-server", "https://shop.example.com/hook?token=s3cr3t&page=2&flag"));

        Assert.Equal("http-server|https://shop.example.com/hook?token=…&page=…&…|ids=1|aid=-", key.Display);
    }

    [Fact]
    public void A_key_formats_as_its_redacted_display()
    {
        var key = CoalescingKey.For(Plan("http-server", "https://shop.example.com/hook?token=s3cr3t"));

        Assert.DoesNotContain("s3cr3t", $"coalesced onto {key}", StringComparison.Ordinal);
    }

    [Fact]
    public void Display_masks_user_info_of_a_target_that_could_not_be_normalised()
    {
        var key = CoalescingKey.For(Plan("http-server", "https://probe:hunter2@shop.example.com/"));

        Assert.DoesNotContain("hunter2", key.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_query_values_stay_different_keys_though_they_display_alike()
    {
        var first = CoalescingKey.For(Plan("http-server", "https://shop.example.com/hook?token=one"));
        var second = CoalescingKey.For(Plan("http-server", "https://shop.example.com/hook?token=two"));

        Assert.Equal((first.Display, false), (second.Display, first.ToStorageKey() == second.ToStorageKey()));
    }

    private static TestPlan Plan(string testType, string target) => new()
    {
        Rule = "r",
        AlertId = "a",
        Source = AlertSource.Manual,
        Severity = AlertSeverity.Critical,
        TestType = testType,
        Target = target,
        Agents = new AgentSelector { Ids = ["1"] },
    };
}
