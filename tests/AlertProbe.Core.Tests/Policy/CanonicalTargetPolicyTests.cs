using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;
using AlertProbe.Core.Rules;

namespace AlertProbe.Core.Tests.Policy;

/// <summary>
/// Issue 9, items 1, 5 and 8: the policy judges the address a WHATWG URL parser (browsers, page-load agents) would
/// connect to, not the text as written. Every input here was allowed before the canonicaliser.
/// </summary>
public class CanonicalTargetPolicyTests
{
    private static readonly TargetPolicy Defaults = new(new TargetPolicyOptions());

    [Theory]
    // UTS #46 mapping: full-width digits and dots, ideographic and half-width dots, circled digits.
    [InlineData("http-server", "http://１２７．０．０．１/", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://127。0。0。1/", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://127｡0｡0｡1/", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://127．0．0．1/", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://①②⑦.0.0.1/", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://１６９．２５４．１６９．２５４/latest/meta-data/", "169.254.169.254 is a cloud metadata endpoint")]
    [InlineData("http-server", "http://ｌｏｃａｌｈｏｓｔ/", "'localhost' is a loopback name")]
    // Trailing dots (an FQDN's root label) on IPv4 literals and their number forms.
    [InlineData("http-server", "http://127.0.0.1./", "127.0.0.1 is a loopback address")]
    [InlineData("page-load", "http://169.254.169.254./latest/meta-data/iam/security-credentials/", "169.254.169.254 is a cloud metadata endpoint")]
    [InlineData("http-server", "http://0x7f.1./", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://2130706433./", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://127.1./", "127.0.0.1 is a loopback address")]
    [InlineData("agent-to-server", "127.0.0.1.", "127.0.0.1 is a loopback address")]
    [InlineData("agent-to-server", "169.254.169.254.:80", "169.254.169.254 is a cloud metadata endpoint")]
    [InlineData("agent-to-server", "0x7f.1.", "127.0.0.1 is a loopback address")]
    [InlineData("agent-to-server", "localhost.", "'localhost' is a loopback name")]
    // IPv4 number forms.
    [InlineData("http-server", "http://0x7f000001/", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://017700000001/", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://0251.0376.0251.0376/", "169.254.169.254 is a cloud metadata endpoint")]
    [InlineData("http-server", "http://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254 is a cloud metadata endpoint")]
    [InlineData("http-server", "http://169.16689662/", "169.254.169.254 is a cloud metadata endpoint")]
    [InlineData("http-server", "http://0XA9FEA9FE/", "169.254.169.254 is a cloud metadata endpoint")]
    // Percent-encoded hosts are decoded before anything else, as WHATWG does.
    [InlineData("http-server", "http://%31%32%37.0.0.1/", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://127%2e0%2e0%2e1/", "127.0.0.1 is a loopback address")]
    [InlineData("http-server", "http://%6c%6f%63%61%6c%68%6f%73%74/", "'localhost' is a loopback name")]
    [InlineData("http-server", "http://%EF%BC%91%EF%BC%92%EF%BC%97.0.0.1/", "127.0.0.1 is a loopback address")]
    // IPv6 forms that embed an IPv4 address.
    [InlineData("http-server", "http://[::127.0.0.1]/", "127.0.0.1 (IPv4-compatible), a loopback address")]
    [InlineData("http-server", "http://[::7f00:1]/", "127.0.0.1 (IPv4-compatible), a loopback address")]
    [InlineData("http-server", "http://[::a9fe:a9fe]/", "169.254.169.254 (IPv4-compatible), a cloud metadata endpoint")]
    [InlineData("http-server", "http://[64:ff9b::7f00:1]/", "127.0.0.1 (NAT64 well-known prefix), a loopback address")]
    [InlineData("http-server", "http://[64:ff9b::169.254.169.254]/", "169.254.169.254 (NAT64 well-known prefix), a cloud metadata endpoint")]
    [InlineData("http-server", "http://[64:ff9b:1::a9fe:a9fe]/", "169.254.169.254 (NAT64 local-use prefix read as /96)")]
    [InlineData("http-server", "http://[64:ff9b:1:7f00:0:100::]/", "127.0.0.1 (NAT64 local-use prefix read as /48), a loopback address")]
    [InlineData("http-server", "http://[2002:7f00:1::]/", "127.0.0.1 (6to4), a loopback address")]
    [InlineData("http-server", "http://[fe80::1:5efe:a9fe:a9fe]/", "a link-local address")]
    [InlineData("http-server", "http://[2001:db8::5efe:7f00:1]/", "127.0.0.1 (ISATAP), a loopback address")]
    [InlineData("http-server", "http://[2002:a9fe:a9fe::1]/", "169.254.169.254 (6to4), a cloud metadata endpoint")]
    [InlineData("http-server", "http://[::ffff:0:127.0.0.1]/", "127.0.0.1 (IPv4-translated), a loopback address")]
    [InlineData("http-server", "http://[::ffff:7f00:1]/", "127.0.0.1 (IPv4-mapped), a loopback address")]
    [InlineData("http-server", "http://[2001:0:a9fe:a9fe::1]/", "169.254.169.254 (Teredo server), a cloud metadata endpoint")]
    [InlineData("http-server", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "127.0.0.1 (Teredo client), a loopback address")]
    [InlineData("agent-to-server", "[::127.0.0.1]:22", "127.0.0.1 (IPv4-compatible), a loopback address")]
    [InlineData("agent-to-server", "64:ff9b::a9fe:a9fe", "169.254.169.254 (NAT64 well-known prefix), a cloud metadata endpoint")]
    public void Every_spelling_of_a_denied_address_is_denied(string testType, string target, string expected)
    {
        var decision = Defaults.Evaluate(Plan(testType, target));

        Assert.False(decision.IsAllowed, $"'{target}' was allowed");
        Assert.Equal(RejectionReasons.TargetDenied, decision.Rejection.Reason);
        Assert.Contains(expected, decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http-server", "http://host.example.com:0/", "port 0")]
    [InlineData("agent-to-server", "host.example.com:0", "port 0")]
    [InlineData("http-server", "http://1.2.3.4.5/", "ends in a number but is not an IPv4 address")]
    [InlineData("http-server", "http://09.1.1.1/", "ends in a number but is not an IPv4 address")]
    [InlineData("http-server", "http://0x100000000/", "ends in a number but is not an IPv4 address")]
    [InlineData("http-server", "http://256.1.1.1/", "ends in a number but is not an IPv4 address")]
    [InlineData("http-server", "http://exa%2Fmple.com/", "percent-encoded")]
    [InlineData("http-server", "http://exa%00mple.com/", "percent-encoded")]
    [InlineData("http-server", "http://exa%C3mple.com/", "percent-encoded")]
    [InlineData("http-server", "http://exa%ZZmple.com/", "percent-encoded")]
    [InlineData("http-server", "http://[fe80::1%25eth0]/", "not a valid IPv6 address")]
    [InlineData("http-server", "http://[::ffff:127.0.0.01]/", "not a valid IPv6 address")]
    [InlineData("http-server", "http://good.example.com\\@127.0.0.1/", "backslash")]
    [InlineData("http-server", "http:///127.0.0.1/", "slash")]
    public void Addresses_a_browser_would_read_differently_or_refuse_get_a_specific_error(string testType, string target, string expected)
    {
        var decision = Defaults.Evaluate(Plan(testType, target));

        Assert.False(decision.IsAllowed, $"'{target}' was allowed");
        Assert.Equal(RejectionReasons.InvalidField, decision.Rejection.Reason);
        Assert.Contains(expected, decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http-server", "http://ＷＷＷ．ＥＸＡＭＰＬＥ．ＣＯＭ/a", "http://www.example.com/a")]
    [InlineData("http-server", "http://exa%6Dple.com/", "http://example.com/")]
    [InlineData("http-server", "https://shop.example.com.:443/x?y=1", "https://shop.example.com/x?y=1")]
    [InlineData("http-server", "http://0xcb.0.113.9/", "http://203.0.113.9/")]
    [InlineData("http-server", "http://[2001:DB8:0:0::10]:8080/", "http://[2001:db8::10]:8080/")]
    [InlineData("http-server", "http://[::ffff:203.0.113.9]/", "http://[::ffff:cb00:7109]/")]
    [InlineData("agent-to-server", "Ｄｂ1.example.com.:5432", "db1.example.com:5432")]
    [InlineData("agent-to-server", "3405803785", "203.0.113.9")]
    [InlineData("http-server", "http://[64:ff9b:1::cb00:7109]/", "http://[64:ff9b:1::cb00:7109]/")]
    [InlineData("http-server", "http://[64:ff9b::203.0.113.9]/", "http://[64:ff9b::cb00:7109]/")]
    public void An_allowed_target_is_sent_in_its_canonical_form(string testType, string written, string canonical)
    {
        var field = testType == "agent-to-server" ? "server" : "url";
        var plan = Plan(testType, written) with { Fields = new JsonObject { [field] = written } };

        var decision = Defaults.Evaluate(plan);

        Assert.True(decision.IsAllowed, decision.Rejection?.ToString());
        Assert.Equal(canonical, decision.Plan.Fields[field]?.GetValue<string>());
    }

    [Fact]
    public void A_manual_page_load_request_for_the_metadata_address_with_a_trailing_dot_is_refused()
    {
        var planner = new IntakePlanner(new AlertPayloadParser(), new RulePlanner(DefaultRules()), Defaults);
        var body = """
            {"testType":"page-load","url":"http://169.254.169.254./latest/meta-data/iam/security-credentials/","agents":[{"agentId":"113"}]}
            """u8.ToArray();

        var plan = planner.Plan(body, new PayloadHints { MessageId = "m-1" });

        Assert.Empty(plan.Tests);
        var rejection = Assert.Single(plan.Rejections);
        Assert.Equal(RejectionReasons.TargetDenied, rejection.Reason);
        Assert.Contains("169.254.169.254 is a cloud metadata endpoint", rejection.Description, StringComparison.Ordinal);
    }

    private static RuleSet DefaultRules() => RuleSetLoader.LoadDefault();

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
