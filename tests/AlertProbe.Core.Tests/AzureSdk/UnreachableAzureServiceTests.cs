using System.Net;
using System.Net.Sockets;
using AlertProbe.Core.FollowUp.WriteBack;
using AlertProbe.Core.Ingress;
using AlertProbe.Core.KeyVault;
using AlertProbe.Core.Ledger.Storage;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using AlertProbe.Testing.Azurite;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.AzureSdk;

/// <summary>
/// Table Storage or Key Vault not answering at all, with the real SDK clients against a closed loopback port (a stopped
/// Azurite, a vault out of reach): the SDK's retries end in an <see cref="AggregateException"/> of one
/// RequestFailedException per try, not in a RequestFailedException. Every reader must still see "unavailable, try later"
/// — before this, the store's callers (the intake's back-off, the created-test settlement) and the three secret readers
/// caught only RequestFailedException, so the aggregate escaped them.
/// </summary>
public sealed class UnreachableAzureServiceTests
{
    private static readonly FakeTimeProvider Time = new(DateTimeOffset.Parse("2026-12-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_table_client_with_default_options_throws_an_aggregate_of_its_four_tries_when_nothing_listens()
    {
        // The outside fact the store's translation rests on (Azure.Data.Tables 12.13.0, Azure.Core's default retry: 3
        // retries, exponential from 0.8 s). If an SDK update changes it, this test says so.
        var client = new TableServiceClient(ConnectionString(ClosedPort())).GetTableClient("ledger");

        var error = await Assert.ThrowsAsync<AggregateException>(() => client.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(4, error.InnerExceptions.Count);
        Assert.All(error.InnerExceptions, inner => Assert.Equal(0, Assert.IsType<RequestFailedException>(inner).Status));
    }

    [Fact]
    public async Task The_table_ledger_store_surfaces_no_answer_as_a_request_failure_with_status_0()
    {
        var store = new TableLedgerStore(new TableServiceClient(ConnectionString(ClosedPort()), QuickRetries(new TableClientOptions())), "ap");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => store.GetAsync(LedgerTable.Coalescing, "p", "r", CancellationToken.None));

        Assert.Equal(0, error.Status);
        Assert.Contains("no answer after 4 tries", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, Assert.IsType<AggregateException>(error.InnerException).InnerExceptions.Count);
    }

    [Fact]
    public async Task Every_table_ledger_store_operation_surfaces_no_answer_as_a_request_failure()
    {
        var store = new TableLedgerStore(new TableServiceClient(ConnectionString(ClosedPort()), QuickRetries(new TableClientOptions())), "ap", createTables: false);
        var entity = new TableEntity("p", "r") { ETag = new ETag("W/\"1\"") };
        var operations = new Func<Task>[]
        {
            () => store.GetAsync(LedgerTable.Coalescing, "p", "r", CancellationToken.None),
            () => store.TryInsertAsync(LedgerTable.Coalescing, new TableEntity("p", "r"), CancellationToken.None),
            () => store.TryReplaceAsync(LedgerTable.Coalescing, entity, CancellationToken.None),
            () => store.UpsertAsync(LedgerTable.Coalescing, new TableEntity("p", "r"), CancellationToken.None),
            () => store.TrySubmitAsync(LedgerTable.Coalescing, [new LedgerWrite(LedgerWriteKind.Insert, new TableEntity("p", "r"))], CancellationToken.None),
            () => store.TryDeleteAsync(LedgerTable.Coalescing, entity, CancellationToken.None),
            () => store.QueryPartitionAsync(LedgerTable.Coalescing, "p", CancellationToken.None),
        };

        foreach (var operation in operations)
        {
            Assert.Equal(0, (await Assert.ThrowsAsync<RequestFailedException>(operation)).Status);
        }
    }

    [Fact]
    public async Task The_thousandeyes_credential_from_an_unreachable_key_vault_is_a_transient_credential_failure()
    {
        var source = new KeyVaultCredentialSource(
            new KeyVaultSecretCache(UnreachableVault(), Time),
            Options.Create(new KeyVaultOptions { Uri = new Uri("https://vault.example/") }),
            Options.Create(new ThousandEyesOptions { AuthScheme = ThousandEyesAuthScheme.Bearer, ApiVersion = ThousandEyesApiVersion.V7 }),
            new FakeLogger<KeyVaultCredentialSource>());

        var error = await Assert.ThrowsAsync<ThousandEyesCredentialException>(() => source.GetCredentialAsync(false, CancellationToken.None).AsTask());

        Assert.True(error.IsTransient);
        Assert.Contains("Key Vault did not answer for secret 'thousandeyes-bearer-token' (status 0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_secret_from_an_unreachable_key_vault_is_unavailable_not_an_exception()
    {
        var store = new SigningSecretStore(new KeyVaultSecretCache(UnreachableVault(), Time), Options.Create(new IngressOptions()), new FakeLogger<SigningSecretStore>());

        var lookup = await store.GetAsync(new SlackIngressOptions { SigningSecretName = "slack-signing-secret" }, CancellationToken.None);

        Assert.Same(SigningSecretLookup.Unavailable, lookup);
    }

    [Fact]
    public async Task A_write_back_token_from_an_unreachable_key_vault_is_unavailable_for_now()
    {
        var store = new WriteBackSecretStore(new KeyVaultSecretCache(UnreachableVault(), Time), Options.Create(new WriteBackOptions()), new FakeLogger<WriteBackSecretStore>());

        var lookup = await store.GetAsync("WriteBack:PagerDuty:Token", value: null, secretName: "pagerduty-token", CancellationToken.None);

        Assert.Null(lookup.Value);
        Assert.True(lookup.Transient);
        Assert.Equal("Key Vault secret 'pagerduty-token' could not be read (0)", lookup.Why);
    }

    private static SecretClient UnreachableVault() =>
        new(new Uri($"https://127.0.0.1:{ClosedPort()}/"), new StaticToken(), QuickRetries(new SecretClientOptions()));

    private static T QuickRetries<T>(T options)
        where T : ClientOptions
    {
        // The same four tries as the default, without the default's seconds of waiting between them.
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        return options;
    }

    private static string ConnectionString(int port) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteFixture.DevelopmentAccountKey +
        $";TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>A loopback port that was free a moment ago and has nothing listening on it now.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }
}
