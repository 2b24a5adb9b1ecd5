using AlertProbe.Core.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.Policy;

public class TargetPolicyRegistrationTests
{
    [Fact]
    public void Configured_lists_are_bound_and_used()
    {
        using var provider = Build(new()
        {
            ["TargetPolicy:DenyDomains:0"] = "*.internal.example",
            ["TargetPolicy:AllowPrivateAddresses"] = "false",
        });

        var options = provider.GetRequiredService<IOptions<TargetPolicyOptions>>().Value;

        Assert.Equal(["*.internal.example"], options.DenyDomains);
        Assert.False(options.AllowPrivateAddresses);
        Assert.NotNull(provider.GetRequiredService<TargetPolicy>());
    }

    [Fact]
    public void Invalid_cidr_and_pattern_fail_validation_naming_the_setting()
    {
        using var provider = Build(new()
        {
            ["TargetPolicy:AllowCidrs:0"] = "10.1.0.0/8",
            ["TargetPolicy:DenyDomains:0"] = "ex*mple.com",
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TargetPolicyOptions>>().Value);

        Assert.Contains("TargetPolicy:AllowCidrs:0: '10.1.0.0/8' is not a CIDR block", exception.Message, StringComparison.Ordinal);
        Assert.Contains("TargetPolicy:DenyDomains:0: 'ex*mple.com'", exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTargetPolicy(configuration).BuildServiceProvider();
    }
}
