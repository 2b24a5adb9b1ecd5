using AlertProbe.Core.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.Policy;

/// <summary>
/// A malformed pattern or CIDR block in any of the four lists stops start-up naming the setting and its index; a
/// well-formed one passes. Strict CIDR: an address with bits set after the prefix is refused rather than widened.
/// </summary>
public class TargetPolicySettingsValidationTests
{
    [Theory]
    [InlineData("AllowCidrs", "10.0.0.0")]
    [InlineData("AllowCidrs", "10.0.0.0/33")]
    [InlineData("AllowCidrs", "not-an-address/8")]
    [InlineData("DenyCidrs", "10.1.0.0/8")]
    [InlineData("DenyCidrs", "2001:db8::1/32")]
    [InlineData("DenyCidrs", "/24")]
    public void A_malformed_cidr_block_in_either_list_fails_start_up_naming_the_setting(string setting, string value)
    {
        using var provider = Build(new() { [$"TargetPolicy:{setting}:0"] = "203.0.113.0/24", [$"TargetPolicy:{setting}:1"] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TargetPolicyOptions>>().Value);

        Assert.Equal($"TargetPolicy:{setting}:1: '{value}' is not a CIDR block (address/prefix, no bits set after the prefix)", Assert.Single(exception.Failures));
    }

    [Theory]
    [InlineData("AllowDomains", "*.*.example.com")]
    [InlineData("AllowDomains", "*.")]
    [InlineData("AllowDomains", "192.0.2.1")]
    [InlineData("DenyDomains", "exa*mple.com")]
    [InlineData("DenyDomains", "bad_name!.com")]
    public void A_malformed_pattern_in_either_list_fails_start_up_naming_the_setting(string setting, string value)
    {
        using var provider = Build(new() { [$"TargetPolicy:{setting}:0"] = "*.example.com", [$"TargetPolicy:{setting}:1"] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TargetPolicyOptions>>().Value);

        Assert.Equal($"TargetPolicy:{setting}:1: '{value}' is not a host name or '*.domain' pattern", Assert.Single(exception.Failures));
    }

    [Fact]
    public void Well_formed_lists_of_every_kind_pass_validation()
    {
        using var provider = Build(new()
        {
            ["TargetPolicy:AllowDomains:0"] = "*.example.com",
            ["TargetPolicy:AllowDomains:1"] = " status.partner.net ",
            ["TargetPolicy:DenyDomains:0"] = "bücher.example",
            ["TargetPolicy:AllowCidrs:0"] = "203.0.113.0/24",
            ["TargetPolicy:AllowCidrs:1"] = "2001:db8::/32",
            ["TargetPolicy:DenyCidrs:0"] = " 203.0.113.128/25 ",
        });

        var options = provider.GetRequiredService<IOptions<TargetPolicyOptions>>().Value;

        Assert.Equal(2, options.AllowCidrs.Count);
    }

    [Fact]
    public void A_policy_built_from_unvalidated_options_refuses_a_malformed_cidr_block_by_name()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new TargetPolicy(new TargetPolicyOptions { DenyCidrs = ["10.1.0.0/8"] }));

        Assert.Equal("Invalid CIDR block '10.1.0.0/8' in TargetPolicy.", exception.Message);
    }

    [Fact]
    public void A_policy_built_from_unvalidated_options_refuses_a_malformed_pattern_by_name()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new TargetPolicy(new TargetPolicyOptions { AllowDomains = ["exa*mple.com"] }));

        Assert.Equal("Invalid domain pattern 'exa*mple.com' in TargetPolicy.", exception.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTargetPolicy(configuration).BuildServiceProvider();
    }
}
