using AlertProbe.Core.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.Ledger;

public sealed class LedgerRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLedger(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task In_memory_is_used_only_when_asked_for()
    {
        await using var provider = Build(new() { ["Ledger:Kind"] = "InMemory" });

        Assert.True(await provider.GetRequiredService<ILedger>().TryRecordRunAsync("t", 0, default));
    }

    [Fact]
    public async Task Table_storage_without_a_connection_fails_validation_naming_the_settings()
    {
        await using var provider = Build([]);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LedgerOptions>>().Value);
        Assert.Contains("Ledger:ConnectionString", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_configures_table_storage()
    {
        await using var provider = Build(new() { ["Ledger:ConnectionString"] = "UseDevelopmentStorage=true" });

        Assert.Equal(LedgerKind.TableStorage, provider.GetRequiredService<IOptions<LedgerOptions>>().Value.Kind);
    }

    [Fact]
    public async Task A_table_prefix_with_symbols_fails_validation()
    {
        await using var provider = Build(new() { ["Ledger:Kind"] = "InMemory", ["Ledger:TableNamePrefix"] = "alert-probe" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LedgerOptions>>().Value);
    }
}
