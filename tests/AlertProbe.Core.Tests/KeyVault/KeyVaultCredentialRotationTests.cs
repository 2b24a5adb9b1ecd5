using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.Testing.Simulator;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AlertProbe.Core.Tests.KeyVault;

/// <summary>Tokens from a (Moq'd) Key Vault, rotated on the simulator.</summary>
public sealed class CredentialRotationTests
{
    private const string SecretName = "thousandeyes-bearer-token";

    [Fact]
    public async Task A_401_rereads_the_secret_once_and_succeeds_with_the_rotated_token()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        var secrets = SecretClientMock.Returning(SecretName, "simulator-token", "rotated-token");
        await using var host = KeyVaultHost(simulator, secrets.Object);
        await host.Client.CreateInstantTestAsync(KeyVaultClientHost.Request(InstantTestType.HttpServer));
        simulator.State.RotateBearerToken("rotated-token");

        var result = await host.Client.CreateInstantTestAsync(KeyVaultClientHost.Request(InstantTestType.DnsTrace));

        Assert.True(result.IsSuccess, result.Error?.Message);
        secrets.Verify(c => c.GetSecretAsync(SecretName, null, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_401_after_the_reread_is_an_unauthorized_error()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        var secrets = SecretClientMock.Returning(SecretName, "simulator-token", "stale-token");
        await using var host = KeyVaultHost(simulator, secrets.Object);
        await host.Client.GetAgentsAsync();
        simulator.State.RotateBearerToken("token-nobody-has");

        var result = await host.Client.RerunInstantTestAsync("7000001");

        Assert.IsType<UnauthorizedError>(result.Error);
        Assert.Equal(2, simulator.State.ReceivedRequests.Count(r => r.PathAndQuery.Contains("/run", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task No_token_value_reaches_any_log_line()
    {
        string[] tokens = ["simulator-token", "rotated-token", "stale-token"];
        await using var simulator = await SimulatorFixture.StartAsync();
        var secrets = SecretClientMock.Returning(SecretName, tokens);
        await using var host = KeyVaultHost(simulator, secrets.Object);
        var client = host.Client;

        // Success, a refresh after rotation, a server-side error, a retried failure, then a final 401.
        await client.CreateInstantTestAsync(KeyVaultClientHost.Request(InstantTestType.HttpServer));
        simulator.State.RotateBearerToken("rotated-token");
        await client.GetAgentsAsync();
        await client.RerunInstantTestAsync("1");
        simulator.State.FailNextRequests(503, 5, "/test-results/");
        await client.GetTestResultsAsync("1", AlertProbe.ThousandEyes.Results.TestResultFamily.Network);
        simulator.State.RotateBearerToken("token-nobody-has");
        var last = await client.CreateInstantTestAsync(KeyVaultClientHost.Request(InstantTestType.HttpServer));

        Assert.IsType<UnauthorizedError>(last.Error);
        var lines = host.Logs.GetSnapshot()
            .Select(r => $"{r.Message} {r.Exception} {string.Join(" ", r.StructuredState?.Select(s => s.Value) ?? [])}")
            .ToList();
        Assert.NotEmpty(lines);
        var leaks = lines.Where(line => tokens.Any(token => line.Contains(token, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "token in log lines:\n" + string.Join("\n", leaks));
    }

    private static KeyVaultClientHost KeyVaultHost(SimulatorFixture simulator, SecretClient secrets) =>
        KeyVaultClientHost.Create(
            simulator.BaseAddress,
            simulator.Time,
            new Dictionary<string, string?> { ["KeyVault:Uri"] = "https://vault.example/", ["ThousandEyes:BearerToken"] = null },
            services => services.AddSingleton(secrets));
}
