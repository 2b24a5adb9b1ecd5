using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Ledger;

/// <summary>One Azurite for the ledger and rate budget tests; each test uses its own tables (a unique prefix).</summary>
[CollectionDefinition(Name)]
public sealed class LedgerAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Ledger and rate budget on Azurite";

    /// <summary>A table name prefix no other test uses.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..16];
}
