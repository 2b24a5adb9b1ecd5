using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Policy;

namespace AlertProbe.Core.Tests.Policy;

/// <summary>
/// Every built-in refusal, one by one, so none can be dropped from <see cref="ReservedTargets"/> unnoticed, and the
/// names just beside them, so a refusal cannot widen into ordinary names either. Whatever the allow list says.
/// </summary>
public class ReservedTargetNamesTests
{
    private static readonly TargetPolicy Defaults = new(new TargetPolicyOptions());

    // An allow list that would admit every one of them, to show the built-in refusals come first.
    private static readonly TargetPolicy AllowingAll = new(new TargetPolicyOptions
    {
        AllowDomains = ["localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", "metadata", "metadata.goog", "instance-data", "*.internal", "*.localhost", "*.ec2.internal", "*.google.internal"],
        AllowCidrs = ["0.0.0.0/0", "::/0"],
    });

    // Loopback names: "localhost" and its sub-domains (RFC 6761 §6.3); localhost.localdomain, ip6-localhost and
    // ip6-loopback as Linux distributions write them in /etc/hosts. Metadata names: Google Compute Engine's
    // metadata.google.internal, metadata.goog and the bare "metadata"; AWS EC2's instance-data and
    // instance-data.ec2.internal. (Transcribed from the vendors' documentation; not checkable from here.)
    [Theory]
    [InlineData("localhost", "a loopback name")]
    [InlineData("localhost.localdomain", "a loopback name")]
    [InlineData("ip6-localhost", "a loopback name")]
    [InlineData("ip6-loopback", "a loopback name")]
    [InlineData("api.localhost", "a loopback name")]
    [InlineData("a.b.localhost", "a loopback name")]
    [InlineData("metadata", "a cloud metadata endpoint")]
    [InlineData("metadata.goog", "a cloud metadata endpoint")]
    [InlineData("metadata.google.internal", "a cloud metadata endpoint")]
    [InlineData("instance-data", "a cloud metadata endpoint")]
    [InlineData("instance-data.ec2.internal", "a cloud metadata endpoint")]
    public void Reserved_names_are_refused_whatever_the_allow_list_says(string name, string what)
    {
        foreach (var policy in new[] { Defaults, AllowingAll })
        {
            var decision = policy.Evaluate(TargetPolicyAllowListVariantsTests.Plan("agent-to-server", name + ":443"));

            Assert.False(decision.IsAllowed, $"{name} was allowed");
            Assert.Equal(RejectionReasons.TargetDenied, decision.Rejection.Reason);
            Assert.Equal($"server: '{name}' is {what}", decision.Rejection.Description);
        }
    }

    [Theory]
    [InlineData("mylocalhost")]
    [InlineData("localhost.example.com")]
    [InlineData("localhostx")]
    [InlineData("metadata.example.com")]
    [InlineData("instance-data.example.com")]
    [InlineData("ip6-localhost.example.com")]
    public void Names_that_only_resemble_a_reserved_name_are_allowed(string name)
    {
        var decision = Defaults.Evaluate(TargetPolicyAllowListVariantsTests.Plan("agent-to-server", name + ":443"));

        Assert.True(decision.IsAllowed, decision.Rejection?.ToString());
    }

    // Each built-in network once, with what the refusal calls it (the most specific description wins).
    [Theory]
    [InlineData("169.254.169.254", "a cloud metadata endpoint")]
    [InlineData("100.100.100.200", "a cloud metadata endpoint")]
    [InlineData("[fd00:ec2::254]", "a cloud metadata endpoint")]
    [InlineData("168.63.129.16", "the Azure platform (WireServer) address")]
    [InlineData("0.1.2.3", "an unspecified (this-network) address")]
    [InlineData("[::]", "the unspecified address")]
    [InlineData("127.255.255.254", "a loopback address")]
    [InlineData("[::1]", "the loopback address")]
    [InlineData("169.254.0.1", "a link-local address")]
    [InlineData("[febf::1]", "a link-local address")]
    [InlineData("239.255.255.250", "a multicast address")]
    [InlineData("[ff05::2]", "a multicast address")]
    [InlineData("255.255.255.255", "the broadcast address")]
    [InlineData("240.0.0.1", "a reserved address")]
    [InlineData("254.1.1.1", "a reserved address")]
    public void Every_built_in_network_is_refused_and_described(string address, string what)
    {
        var decision = AllowingAll.Evaluate(TargetPolicyAllowListVariantsTests.Plan("http-server", $"http://{address}/"));

        Assert.False(decision.IsAllowed, $"{address} was allowed");
        Assert.EndsWith($" is {what}", decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("168.63.129.15")]
    [InlineData("168.63.129.17")]
    [InlineData("100.100.100.201")]
    [InlineData("1.0.0.1")]
    [InlineData("223.255.255.254")]
    public void Addresses_beside_a_built_in_network_are_allowed(string address)
    {
        Assert.True(Defaults.Evaluate(TargetPolicyAllowListVariantsTests.Plan("http-server", $"http://{address}/")).IsAllowed);
    }
}
