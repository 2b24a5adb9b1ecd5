using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;

namespace AlertProbe.Core.Tests.Policy;

/// <summary>
/// Configurations the other policy tests do not use: an allow list of only one kind (names or CIDR blocks), deny lists
/// alone, exact (non-wildcard) patterns, and the edges of the private ranges. An allow list of either kind means
/// "only what is listed" for every target (TargetPolicyOptions: "with either set, a target must be in one of them").
/// </summary>
public class TargetPolicyAllowListVariantsTests
{
    [Theory]
    [InlineData("https://shop.example.com/", true)]
    [InlineData("https://evil.com/", false)]
    [InlineData("https://203.0.113.9/", false)]
    [InlineData("https://[2001:db8::5]/", false)]
    public void An_allow_list_of_names_alone_refuses_every_ip_literal_and_unlisted_name(string target, bool allowed)
    {
        var policy = new TargetPolicy(new TargetPolicyOptions { AllowDomains = ["*.example.com"] });

        var decision = policy.Evaluate(Plan("http-server", target));

        Assert.Equal(allowed, decision.IsAllowed);
        if (!allowed)
        {
            Assert.Equal(RejectionReasons.TargetDenied, decision.Rejection!.Reason);
        }
    }

    [Theory]
    [InlineData("https://203.0.113.9/", true)]
    [InlineData("https://198.51.100.9/", false)]
    [InlineData("https://shop.example.com/", false)]
    public void An_allow_list_of_cidr_blocks_alone_refuses_every_name_and_unlisted_address(string target, bool allowed)
    {
        var policy = new TargetPolicy(new TargetPolicyOptions { AllowCidrs = ["203.0.113.0/24"] });

        Assert.Equal(allowed, policy.Evaluate(Plan("http-server", target)).IsAllowed);
    }

    [Fact]
    public void A_refusal_by_the_allow_list_names_the_setting_that_did_not_list_it()
    {
        var names = new TargetPolicy(new TargetPolicyOptions { AllowDomains = ["*.example.com"] });
        var cidrs = new TargetPolicy(new TargetPolicyOptions { AllowCidrs = ["203.0.113.0/24"] });

        Assert.Equal("url: 198.51.100.9 is not in TargetPolicy:AllowCidrs", names.Evaluate(Plan("http-server", "https://198.51.100.9/")).Rejection?.Description);
        Assert.Equal("url: 'evil.com' is not in TargetPolicy:AllowDomains", cidrs.Evaluate(Plan("http-server", "https://evil.com/")).Rejection?.Description);
    }

    [Theory]
    [InlineData("https://status.partner.net/", true)]
    [InlineData("https://www.status.partner.net/", false)]
    [InlineData("https://partner.net/", false)]
    public void An_exact_name_pattern_allows_that_name_only(string target, bool allowed)
    {
        var policy = new TargetPolicy(new TargetPolicyOptions { AllowDomains = ["status.partner.net"] });

        Assert.Equal(allowed, policy.Evaluate(Plan("http-server", target)).IsAllowed);
    }

    [Theory]
    [InlineData("https://example.com/", true)]
    [InlineData("https://internal.example.com/", false)]
    [InlineData("https://a.b.internal.example.com/", false)]
    [InlineData("https://notinternal.example.com/", true)]
    [InlineData("https://198.51.100.9/", true)]
    [InlineData("https://198.51.101.9/", false)]
    public void Deny_lists_alone_refuse_only_what_they_name(string target, bool allowed)
    {
        var policy = new TargetPolicy(new TargetPolicyOptions
        {
            DenyDomains = ["internal.example.com", "*.internal.example.com"],
            DenyCidrs = ["198.51.101.0/24"],
        });

        var decision = policy.Evaluate(Plan("http-server", target));

        Assert.Equal(allowed, decision.IsAllowed);
    }

    [Fact]
    public void A_denied_cidr_is_named_in_the_refusal()
    {
        var policy = new TargetPolicy(new TargetPolicyOptions { DenyCidrs = ["198.51.101.0/24"] });

        Assert.Equal("url: 198.51.101.9 is in TargetPolicy:DenyCidrs 198.51.101.0/24", policy.Evaluate(Plan("http-server", "https://198.51.101.9/")).Rejection?.Description);
    }

    // Each private range at its first and last address, and the addresses just outside it (RFC 1918, RFC 6598 shared
    // address space 100.64.0.0/10, RFC 4193 unique local fc00::/7, RFC 3879 deprecated site-local fec0::/10).
    [Theory]
    [InlineData("10.0.0.0", true)]
    [InlineData("10.255.255.255", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.31.255.254", true)]
    [InlineData("172.15.255.254", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.0.1", true)]
    [InlineData("192.169.0.1", false)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.127.255.254", true)]
    [InlineData("100.128.0.1", false)]
    [InlineData("[fc00::1]:80", true)]
    [InlineData("[fdff::1]:80", true)]
    [InlineData("[fec0::1]:80", true)]
    [InlineData("[2001:db8::1]:80", false)]
    public void Private_ranges_are_refused_exactly_to_their_edges_when_private_addresses_are_not_allowed(string address, bool isPrivate)
    {
        var closed = new TargetPolicy(new TargetPolicyOptions { AllowPrivateAddresses = false });
        var open = new TargetPolicy(new TargetPolicyOptions());

        var decision = closed.Evaluate(Plan("agent-to-server", address));

        Assert.Equal(!isPrivate, decision.IsAllowed);
        if (isPrivate)
        {
            Assert.EndsWith("a private address and TargetPolicy:AllowPrivateAddresses is false", decision.Rejection!.Description, StringComparison.Ordinal);
        }

        Assert.True(open.Evaluate(Plan("agent-to-server", address)).IsAllowed, "private addresses are allowed by default");
    }

    internal static TestPlan Plan(string testType, string target) => new()
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
