using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertProbe.Core.Tests.Policy;

/// <summary>
/// Issue 18 (policy area): the edges the mutation run of 2026-12-02 found untested — the form of the plan the policy
/// hands on (canonical main target, fields it leaves alone), the shape checks' exact boundaries, how a refused value is
/// quoted back (credentials masked, control characters escaped, length capped), script URLs over WebSocket, NAT64 and
/// 6to4 addresses against an allow list of CIDRs only, and the public entry points' null guards.
/// </summary>
public class TargetPolicyBoundaryTests
{
    private static readonly TargetPolicy Defaults = new(new TargetPolicyOptions());

    [Theory]
    [InlineData("http-server", "HTTPS://Shop.EXAMPLE.com", "https://shop.example.com/")]
    [InlineData("http-server", "https://bücher.example/", "https://xn--bcher-kva.example/")]
    [InlineData("ftp-server", "FTP://Files.Example.com/pub", "ftp://files.example.com/pub")]
    [InlineData("agent-to-server", "DB1.Example.COM:5432", "db1.example.com:5432")]
    [InlineData("agent-to-server", "ＤＢ1.example.com", "db1.example.com")]
    [InlineData("dns-server", "Example.COM aaaa", "example.com AAAA")]
    public void The_allowed_plan_carries_the_main_target_in_canonical_form(string testType, string target, string canonical)
    {
        var decision = Defaults.Evaluate(Plan(testType, target));

        Assert.True(decision.IsAllowed, decision.Rejection?.ToString());
        Assert.Equal(canonical, decision.Plan.Target);
    }

    [Fact]
    public void An_agent_id_target_is_handed_on_as_given_with_or_without_its_agent_prefix()
    {
        foreach (var target in new[] { "113", "agent:113" })
        {
            var decision = Defaults.Evaluate(Plan("agent-to-agent", target));

            Assert.True(decision.IsAllowed, $"{target}: {decision.Rejection}");
            Assert.Equal(target, decision.Plan.Target);
        }
    }

    [Theory]
    [InlineData("113;drop", "targetAgentId: '113;drop' is not an agent id")]
    [InlineData("agent:", "targetAgentId: 'agent:' is not an agent id")]
    [InlineData("agent:agent:113", "targetAgentId: 'agent:agent:113' is not an agent id")]
    public void A_malformed_agent_id_is_refused_naming_the_target_agent_field(string target, string description)
    {
        var decision = Defaults.Evaluate(Plan("agent-to-agent", target));

        Assert.False(decision.IsAllowed);
        Assert.Equal(RejectionReasons.InvalidField, decision.Rejection.Reason);
        Assert.Equal(description, decision.Rejection.Description);
    }

    [Fact]
    public void A_numeric_agent_id_in_a_field_is_accepted_like_its_string_form()
    {
        var plan = Plan("agent-to-agent", "113") with { Fields = JsonNode.Parse("""{"targetAgentId":113}""")!.AsObject() };

        var decision = Defaults.Evaluate(plan);

        Assert.True(decision.IsAllowed, decision.Rejection?.ToString());
        Assert.Equal(113, decision.Plan.Fields["targetAgentId"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"url":5}""", "url: must be a string, not number")]
    [InlineData("""{"url":["https://shop.example.com/"]}""", "url: must be a string, not an array")]
    [InlineData("""{"url":{"href":"https://shop.example.com/"}}""", "url: must be a string, not an object")]
    [InlineData("""{"url":""}""", "url: it is empty")]
    public void An_address_field_that_is_not_a_usable_string_is_refused_saying_what_it_is(string fields, string description)
    {
        var plan = Plan("http-server", "https://shop.example.com/") with { Fields = JsonNode.Parse(fields)!.AsObject() };

        var decision = Defaults.Evaluate(plan);

        Assert.False(decision.IsAllowed);
        Assert.Equal(description, decision.Rejection.Description);
    }

    [Fact]
    public void An_empty_main_target_is_refused_as_empty()
    {
        var decision = Defaults.Evaluate(Plan("http-server", ""));

        Assert.False(decision.IsAllowed);
        Assert.Equal("url: it is empty", decision.Rejection.Description);
    }

    [Fact]
    public void A_transaction_script_that_passes_is_handed_on_unchanged()
    {
        const string script = "await driver.get('https://shop.example.com/cart');";
        var plan = Plan("web-transactions", "https://shop.example.com/") with
        {
            Fields = new JsonObject { ["url"] = "https://shop.example.com/", ["transactionScript"] = script },
        };

        var decision = Defaults.Evaluate(plan);

        Assert.True(decision.IsAllowed, decision.Rejection?.ToString());
        Assert.Equal(script, decision.Plan.Fields["transactionScript"]!.GetValue<string>());
    }

    [Fact]
    public void WebSocket_urls_in_a_script_are_judged_like_web_urls()
    {
        var allowed = Defaults.Evaluate(Script("const s = new WebSocket('wss://stream.example.com/feed'); const t = new WebSocket('ws://chat.example.com/');"));
        var denied = Defaults.Evaluate(Script("const s = new WebSocket('ws://127.0.0.1:9000/');"));

        Assert.True(allowed.IsAllowed, allowed.Rejection?.ToString());
        Assert.False(denied.IsAllowed);
        Assert.Equal(RejectionReasons.TargetDenied, denied.Rejection.Reason);
        Assert.StartsWith("transactionScript: ", denied.Rejection.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sftp://files.example.com/pub")]
    [InlineData("ftps://files.example.com/pub")]
    [InlineData("ftp://files.example.com/pub")]
    public void Every_ftp_scheme_the_ftp_test_supports_is_allowed(string target)
    {
        Assert.True(Defaults.Evaluate(Plan("ftp-server", target)).IsAllowed);
    }

    [Fact]
    public void A_wrong_scheme_is_refused_listing_every_scheme_the_test_takes()
    {
        var decision = Defaults.Evaluate(Plan("ftp-server", "https://files.example.com/"));

        Assert.Equal("url: scheme 'https' is not allowed for ftp-server (use ftp or ftps or sftp)", decision.Rejection?.Description);
    }

    [Theory]
    [InlineData("https://api.example.{{tld}}/", false)]
    [InlineData("https://{{host}}", false)]
    [InlineData("https://api.example.com/{{path}}?q={{value}}", true)]
    [InlineData("https://api.example.com/v1#{{anchor}}", true)]
    public void Variables_are_refused_anywhere_in_the_host_and_allowed_after_it(string url, bool allowed)
    {
        var plan = Plan("api", "https://api.example.com/") with
        {
            Fields = JsonNode.Parse($$"""{"url":"https://api.example.com/","requests":[{"name":"a","url":"{{url}}"}]}""")!.AsObject(),
        };

        var decision = Defaults.Evaluate(plan);

        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Contains("never in the host", decision.Rejection!.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_url_without_a_scheme_before_its_separator_is_not_an_absolute_url()
    {
        var decision = Defaults.Evaluate(Plan("http-server", "://{{host}}/x"));

        Assert.False(decision.IsAllowed);
        Assert.Contains("is not an absolute URL", decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" A")]
    [InlineData("example.com ")]
    public void A_dns_query_with_an_empty_part_is_refused_for_its_shape(string domain)
    {
        var decision = Defaults.Evaluate(Plan("dns-server", domain));

        Assert.False(decision.IsAllowed);
        Assert.Contains("is not a domain optionally followed by one record type", decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dns_query_that_is_no_domain_name_says_so()
    {
        var decision = Defaults.Evaluate(Plan("dns-trace", "example..com"));

        Assert.False(decision.IsAllowed);
        Assert.StartsWith("domain: 'example..com' is not a domain name: ", decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_in_a_dns_query_is_refused_although_spaces_are_allowed_there()
    {
        var decision = Defaults.Evaluate(Plan("dns-server", "example.com\u0007 A"));

        Assert.False(decision.IsAllowed);
        Assert.Equal("domain: 'example.com\\u0007 A' contains whitespace or control characters", decision.Rejection.Description);
    }

    [Fact]
    public void An_ip_address_field_holding_something_else_is_refused_as_not_an_ip_address()
    {
        var plan = Plan("http-server", "https://shop.example.com/") with
        {
            Fields = JsonNode.Parse("""{"url":"https://shop.example.com/","dnsOverride":"999.1.1.1"}""")!.AsObject(),
        };

        var decision = Defaults.Evaluate(plan);

        Assert.False(decision.IsAllowed);
        Assert.StartsWith("dnsOverride: '999.1.1.1' is not an IP address: ", decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_value_is_quoted_with_its_user_info_masked()
    {
        var decision = Defaults.Evaluate(Plan("agent-to-server", "https://admin:hunter2@db.example.com/"));

        Assert.False(decision.IsAllowed);
        Assert.Equal("server: 'https://[redacted]@db.example.com/' is a URL; agent-to-server needs a host or host:port", decision.Rejection.Description);
    }

    [Fact]
    public void A_long_refused_value_is_quoted_cut_at_120_characters()
    {
        var value = "https://" + new string('a', 200) + ".example.com/";

        var decision = Defaults.Evaluate(Plan("agent-to-server", value));

        Assert.False(decision.IsAllowed);
        Assert.Equal($"server: '{value[..120]}…' is a URL; agent-to-server needs a host or host:port", decision.Rejection.Description);
    }

    [Fact]
    public void A_value_of_exactly_120_characters_is_quoted_whole()
    {
        var value = "https://" + new string('a', 120 - "https://".Length - ".example.com/".Length) + ".example.com/";
        Assert.Equal(120, value.Length);

        var decision = Defaults.Evaluate(Plan("agent-to-server", value));

        Assert.Equal($"server: '{value}' is a URL; agent-to-server needs a host or host:port", decision.Rejection?.Description);
    }

    [Fact]
    public void An_exact_deny_pattern_is_named_without_a_wildcard()
    {
        var policy = new TargetPolicy(new TargetPolicyOptions { DenyDomains = ["shop.example.com"] });

        var decision = policy.Evaluate(Plan("http-server", "https://shop.example.com/"));

        Assert.Equal("url: 'shop.example.com' matches TargetPolicy:DenyDomains 'shop.example.com'", decision.Rejection?.Description);
    }

    [Fact]
    public void An_ipv6_address_is_quoted_in_its_serialized_form_when_refused()
    {
        // WHATWG serializes an IPv4-mapped address in hex (::ffff:7f00:1); .NET's IPAddress.ToString writes ::ffff:127.0.0.1.
        var decision = Defaults.Evaluate(Plan("agent-to-server", "[::ffff:127.0.0.1]:443"));

        Assert.False(decision.IsAllowed);
        Assert.StartsWith("server: ::ffff:7f00:1 embeds 127.0.0.1 (IPv4-mapped)", decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void With_only_cidrs_allowed_a_nat64_spelling_of_an_allowed_address_is_allowed_and_a_6to4_host_behind_it_is_not()
    {
        var policy = new TargetPolicy(new TargetPolicyOptions { AllowCidrs = ["203.0.113.0/24"] });

        var nat64 = policy.Evaluate(Plan("agent-to-server", "[64:ff9b::203.0.113.5]:443"));
        var sixToFour = policy.Evaluate(Plan("agent-to-server", "[2002:cb00:7105::1]:443"));

        Assert.True(nat64.IsAllowed, nat64.Rejection?.ToString());
        Assert.False(sixToFour.IsAllowed);
        Assert.EndsWith("is not in TargetPolicy:AllowCidrs", sixToFour.Rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_entry_points_refuse_null_arguments_by_name()
    {
        var configuration = new ConfigurationBuilder().Build();
        var manual = new ManualRequestPolicy(new AlertPayloadParser(), Defaults, new ReplyPolicy(new ReplyPolicyOptions()));

        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new TargetPolicy((TargetPolicyOptions)null!)).ParamName);
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => Defaults.Evaluate(null!)).ParamName);
        Assert.Equal("canonical", Assert.Throws<ArgumentNullException>(() => PolicyDecision.Allowed(null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => DomainPattern.TryParse(null!, out _)).ParamName);
        Assert.True(DomainPattern.TryParse("example.com", out var pattern));
        Assert.Equal("host", Assert.Throws<ArgumentNullException>(() => pattern.Matches(null!)).ParamName);
        Assert.Equal("hints", Assert.Throws<ArgumentNullException>(() => manual.Check(ReadOnlyMemory<byte>.Empty, null!)).ParamName);
        Assert.Equal("parsed", Assert.Throws<ArgumentNullException>(() => manual.Check(null!)).ParamName);
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => TargetPolicyServiceCollectionExtensions.AddTargetPolicy(null!, configuration)).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddTargetPolicy(null!)).ParamName);
    }

    private static TestPlan Script(string script) => Plan("web-transactions", "https://shop.example.com/") with
    {
        Fields = new JsonObject { ["url"] = "https://shop.example.com/", ["transactionScript"] = script },
    };

    private static TestPlan Plan(string testType, string target) => TargetPolicyAllowListVariantsTests.Plan(testType, target);
}
