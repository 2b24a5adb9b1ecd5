using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.RateLimiting;

public sealed class RateBudgetRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLedger(configuration).AddRateBudget(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task The_budget_uses_the_configured_limit()
    {
        await using var provider = Build(new() { ["Ledger:Kind"] = "InMemory", ["RateBudget:Limit"] = "1" });
        var budget = provider.GetRequiredService<RateBudget>();
        await budget.TryAcquireAsync(AlertSeverity.Critical, default);

        Assert.IsType<RateBudgetDecision.Exhausted>(await budget.TryAcquireAsync(AlertSeverity.Critical, default));
    }

    [Fact]
    public async Task A_reserve_above_100_percent_fails_validation_naming_the_setting()
    {
        await using var provider = Build(new() { ["Ledger:Kind"] = "InMemory", ["RateBudget:HighSeverityReservePercent"] = "150" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RateBudgetOptions>>().Value);
        Assert.Contains("HighSeverityReservePercent", exception.Message, StringComparison.Ordinal);
    }
}
