using AlertProbe.Core.Alerts;
using AlertProbe.Core.Planning;
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

        // "Used": the registered policy refuses what the configured deny list names and allows the rest.
        var policy = provider.GetRequiredService<TargetPolicy>();
        Assert.False(policy.Evaluate(Plan("https://build.internal.example/")).IsAllowed);
        Assert.True(policy.Evaluate(Plan("https://www.example.com/")).IsAllowed);
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

    private static TestPlan Plan(string target) => new()
    {
        Rule = "r",
        AlertId = "a",
        Source = AlertSource.Manual,
        Severity = AlertSeverity.Critical,
        TestType = "http-server",
        Target = target,
        Agents = new AgentSelector { Ids = ["1"] },
    };

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTargetPolicy(configuration).BuildServiceProvider();
    }
}
