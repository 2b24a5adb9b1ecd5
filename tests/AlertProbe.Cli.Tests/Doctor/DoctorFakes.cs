using AlertProbe.Cli.Doctor;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Azure.Security.KeyVault.Secrets;
using Moq;

namespace AlertProbe.Cli.Tests.Doctor;

/// <summary>Azure clients for the doctor's checks: Moq over the SDKs' own mocking seams (protected constructors, virtual members).</summary>
internal sealed class DoctorFakes : DoctorClients
{
    public Mock<SecretClient> Secrets { get; } = new();

    public Mock<ServiceBusAdministrationClient> ServiceBus { get; } = new();

    /// <summary>When set, the Table Storage check talks to this client (else to the connection string given, e.g. Azurite).</summary>
    public TableServiceClient? Tables { get; set; }

    public override SecretClient SecretClient(Uri vault, string? managedIdentityClientId) => Secrets.Object;

    public override ServiceBusAdministrationClient ServiceBusAdministration(string? connectionString, string? fullyQualifiedNamespace, string? clientId) => ServiceBus.Object;

    public override TableServiceClient TableService(string? connectionString, Uri? serviceUri, string? clientId) =>
        Tables ?? base.TableService(connectionString, serviceUri, clientId);

    public void SecretHolds(string name, string value) =>
        Secrets.Setup(client => client.GetSecretAsync(name, null, It.IsAny<SecretContentType?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(new KeyVaultSecret(name, value), Mock.Of<Response>()));

    public void SecretFails(int status) =>
        Secrets.Setup(client => client.GetSecretAsync(It.IsAny<string>(), null, It.IsAny<SecretContentType?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(status, $"status {status}"));

    /// <summary>The entities and rules infra/modules/servicebus.bicep deploys (names and SQL filters as there).</summary>
    public void ServiceBusAsDeployed(string collectFilter = "collect = TRUE", bool alertsQueue = true, bool defaultRuleLeft = false)
    {
        ServiceBus.Setup(admin => admin.QueueExistsAsync("alerts", It.IsAny<CancellationToken>())).ReturnsAsync(Response.FromValue(alertsQueue, Mock.Of<Response>()));
        ServiceBus.Setup(admin => admin.TopicExistsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(Response.FromValue(true, Mock.Of<Response>()));
        ServiceBus.Setup(admin => admin.SubscriptionExistsAsync("instant-tests", It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(Response.FromValue(true, Mock.Of<Response>()));
        RulesOf("collect", defaultRuleLeft
            ? [Rule("collect-requested", collectFilter), ServiceBusModelFactory.RuleProperties("$Default", new TrueRuleFilter(), null)]
            : [Rule("collect-requested", collectFilter)]);
        RulesOf("rerun", [Rule("rerun-requested", "rerun = TRUE")]);
    }

    public static TableServiceClient TablesFailing(int status)
    {
        var tables = new Mock<TableServiceClient>();
        tables.Setup(client => client.QueryAsync(It.IsAny<string?>(), It.IsAny<int?>(), It.IsAny<CancellationToken>()))
            .Throws(new RequestFailedException(status, $"status {status}"));
        return tables.Object;
    }

    private void RulesOf(string subscription, RuleProperties[] rules) =>
        ServiceBus.Setup(admin => admin.GetRulesAsync("instant-tests", subscription, It.IsAny<CancellationToken>()))
            .Returns(AsyncPageable<RuleProperties>.FromPages([Page<RuleProperties>.FromValues(rules, null, Mock.Of<Response>())]));

    private static RuleProperties Rule(string name, string sql) =>
        ServiceBusModelFactory.RuleProperties(name, new SqlRuleFilter(sql), null);
}
