using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;

namespace AlertProbe.Core.Tests.Policy;

public class TargetPolicyTests
{
    private static readonly TargetPolicy Defaults = new(new TargetPolicyOptions());

    [Theory]
    [InlineData("http-server", "https://shop.example.com/health")]
    [InlineData("http-server", "http://203.0.113.10:8080/")]
    [InlineData("http-server", "https://[2001:db8::10]/")]
    [InlineData("http-server", "https://bücher.example/")]
    [InlineData("http-server", "https://10.1.2.3/")]
    [InlineData("ftp-server", "ftp://files.example.com/pub")]
    [InlineData("agent-to-server", "db1.example.com:5432")]
    [InlineData("agent-to-server", "192.0.2.7")]
    [InlineData("agent-to-server", "[2001:db8::7]:443")]
    [InlineData("dns-trace", "example.com")]
    [InlineData("dns-server", "example.com AAAA")]
    [InlineData("agent-to-agent", "113")]
    public void Ordinary_targets_are_allowed_by_default(string testType, string target)
    {
        var decision = Defaults.Evaluate(Plan(testType, target));

        Assert.True(decision.IsAllowed, decision.Rejection?.ToString());
    }

    [Theory]
    [InlineData("agent-to-server", "127.0.0.1", "loopback")]
    [InlineData("agent-to-server", "127.1", "loopback")]
    [InlineData("agent-to-server", "2130706433", "loopback")]
    [InlineData("agent-to-server", "[::1]:80", "loopback")]
    [InlineData("agent-to-server", "[::ffff:127.0.0.1]:80", "loopback")]
    [InlineData("agent-to-server", "localhost:8080", "loopback name")]
    [InlineData("agent-to-server", "api.localhost", "loopback name")]
    [InlineData("http-server", "http://LOCALHOST/", "loopback name")]
    [InlineData("http-server", "http://169.254.169.254/latest/meta-data/", "cloud metadata")]
    [InlineData("http-server", "http://[fd00:ec2::254]/", "cloud metadata")]
    [InlineData("http-server", "http://metadata.google.internal/computeMetadata/v1/", "cloud metadata")]
    [InlineData("http-server", "http://100.100.100.200/", "cloud metadata")]
    [InlineData("agent-to-server", "169.254.10.1", "link-local")]
    [InlineData("agent-to-server", "[fe80::1]:22", "link-local")]
    [InlineData("agent-to-server", "0.0.0.0", "unspecified")]
    [InlineData("agent-to-server", "[::]:80", "unspecified")]
    [InlineData("agent-to-server", "224.0.0.1", "multicast")]
    [InlineData("agent-to-server", "[ff02::1]:80", "multicast")]
    [InlineData("agent-to-server", "255.255.255.255", "broadcast")]
    public void Built_in_dangerous_targets_are_denied(string testType, string target, string expected)
    {
        var decision = Defaults.Evaluate(Plan(testType, target));

        Assert.False(decision.IsAllowed);
        Assert.Equal(RejectionReasons.TargetDenied, decision.Rejection.Reason);
        Assert.Contains(expected, decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agent-to-server", "a.com;rm -rf /", "whitespace or control characters")]
    [InlineData("agent-to-server", "a.com;rm", "not a valid host name")]
    [InlineData("agent-to-server", "a.com\n", "whitespace or control characters")]
    [InlineData("agent-to-server", "a.com\u0000", "whitespace or control characters")]
    [InlineData("agent-to-server", "https://a.com/", "is a URL")]
    [InlineData("agent-to-server", "a.com:99999", "not a host or host:port")]
    [InlineData("agent-to-server", "-a.com", "not a valid host name")]
    [InlineData("http-server", "file:///etc/passwd", "scheme 'file' is not allowed")]
    [InlineData("http-server", "gopher://a.com/", "scheme 'gopher' is not allowed")]
    [InlineData("http-server", "shop.example.com/health", "not an absolute URL")]
    [InlineData("http-server", "https://a.com/ x", "whitespace or control characters")]
    [InlineData("ftp-server", "https://files.example.com/", "scheme 'https' is not allowed")]
    [InlineData("dns-trace", "192.0.2.1", "IP address")]
    [InlineData("dns-trace", "example.com A extra", "not a domain")]
    [InlineData("dns-trace", "exa mple.com", "not a domain")]
    [InlineData("agent-to-agent", "113; drop", "whitespace or control characters")]
    public void Targets_of_the_wrong_shape_are_invalid(string testType, string target, string expected)
    {
        var decision = Defaults.Evaluate(Plan(testType, target));

        Assert.False(decision.IsAllowed);
        Assert.Equal(RejectionReasons.InvalidField, decision.Rejection.Reason);
        Assert.Contains(expected, decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_a_url_are_refused_without_echoing_the_password()
    {
        var decision = Defaults.Evaluate(Plan("http-server", "http://user:pa55word@shop.example.com/"));

        Assert.False(decision.IsAllowed);
        Assert.Contains("carries credentials", decision.Rejection.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", decision.Rejection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_are_masked_even_when_another_problem_is_reported_first()
    {
        var decision = Defaults.Evaluate(Plan("http-server", "http://user:pa55word@shop.example.com/ x"));

        Assert.DoesNotContain("pa55word", decision.Rejection!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Url_field_is_checked_as_well_as_the_target()
    {
        var plan = Plan("http-server", "https://shop.example.com/") with { Fields = new JsonObject { ["url"] = "http://127.0.0.1/" } };

        var decision = Defaults.Evaluate(plan);

        Assert.Contains("url: 127.0.0.1 is a loopback address", decision.Rejection?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Dns_servers_are_checked()
    {
        var plan = Plan("dns-server", "example.com A") with { Fields = new JsonObject { ["dnsServers"] = new JsonArray("ns1.example.com", "169.254.169.254") } };

        var decision = Defaults.Evaluate(plan);

        Assert.Contains("dnsServers[1]: 169.254.169.254 is a cloud metadata endpoint", decision.Rejection?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_test_type_is_refused()
    {
        var decision = Defaults.Evaluate(Plan("bgp", "example.com"));

        Assert.Equal(RejectionReasons.UnsupportedTestType, decision.Rejection?.Reason);
    }

    [Theory]
    [InlineData("https://10.0.0.5/")]
    [InlineData("https://172.16.4.4/")]
    [InlineData("https://192.168.1.1/")]
    [InlineData("https://100.64.0.1/")]
    [InlineData("https://[fd12::1]/")]
    public void Private_addresses_are_denied_when_not_allowed(string target)
    {
        var policy = new TargetPolicy(new TargetPolicyOptions { AllowPrivateAddresses = false });

        var decision = policy.Evaluate(Plan("http-server", target));

        Assert.Contains("private address", decision.Rejection?.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://shop.example.com/", true)]
    [InlineData("https://deep.api.example.com/", true)]
    [InlineData("https://example.com/", false)]
    [InlineData("https://status.partner.net/", true)]
    [InlineData("https://www.partner.net/", false)]
    [InlineData("https://evil.com/", false)]
    [InlineData("https://shop.example.com.evil.com/", false)]
    [InlineData("https://203.0.113.9/", true)]
    [InlineData("https://198.51.100.9/", false)]
    [InlineData("https://[2001:db8::5]/", true)]
    [InlineData("https://[2001:db9::5]/", false)]
    public void Allow_lists_mean_only_what_they_list(string target, bool allowed)
    {
        var policy = new TargetPolicy(new TargetPolicyOptions
        {
            AllowDomains = ["*.example.com", "status.partner.net"],
            AllowCidrs = ["203.0.113.0/24", "2001:db8::/32"],
        });

        Assert.Equal(allowed, policy.Evaluate(Plan("http-server", target)).IsAllowed);
    }

    [Theory]
    [InlineData("https://secret.corp.example/", "DenyDomains '*.corp.example'")]
    [InlineData("https://Secret.CORP.example/", "DenyDomains '*.corp.example'")]
    [InlineData("https://10.20.30.40/", "DenyCidrs 10.20.0.0/16")]
    [InlineData("https://[2001:db8:dead::1]/", "DenyCidrs 2001:db8:dead::/48")]
    public void Deny_lists_win(string target, string expected)
    {
        var policy = new TargetPolicy(new TargetPolicyOptions
        {
            AllowDomains = ["*.example", "*.corp.example"],
            AllowCidrs = ["10.0.0.0/8", "2001:db8::/32"],
            DenyDomains = ["*.corp.example"],
            DenyCidrs = ["10.20.0.0/16", "2001:db8:dead::/48"],
        });

        var decision = policy.Evaluate(Plan("http-server", target));

        Assert.Equal(RejectionReasons.TargetDenied, decision.Rejection?.Reason);
        Assert.Contains(expected, decision.Rejection?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowing_a_cidr_does_not_open_loopback()
    {
        var policy = new TargetPolicy(new TargetPolicyOptions { AllowCidrs = ["127.0.0.0/8"] });

        Assert.False(policy.Evaluate(Plan("agent-to-server", "127.0.0.1")).IsAllowed);
    }

    [Fact]
    public void Idn_host_is_matched_in_its_ascii_form()
    {
        var policy = new TargetPolicy(new TargetPolicyOptions { DenyDomains = ["bücher.example"] });

        Assert.False(policy.Evaluate(Plan("http-server", "https://xn--bcher-kva.example/")).IsAllowed);
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
