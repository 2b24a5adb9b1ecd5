using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Azure.Security.KeyVault.Secrets;

namespace AlertProbe.Cli.Doctor;

/// <summary>
/// Makes the Azure clients the checks read through, signed in as the app would be (a user-assigned identity when its
/// client id is set, else DefaultAzureCredential: az login, environment, managed identity). Tests substitute their own.
/// </summary>
internal class DoctorClients
{
    public virtual SecretClient SecretClient(Uri vault, string? managedIdentityClientId) => new(vault, Credential(managedIdentityClientId));

    public virtual ServiceBusAdministrationClient ServiceBusAdministration(string? connectionString, string? fullyQualifiedNamespace, string? clientId) =>
        connectionString is not null
            ? new ServiceBusAdministrationClient(connectionString)
            : new ServiceBusAdministrationClient(fullyQualifiedNamespace, Credential(clientId));

    public virtual TableServiceClient TableService(string? connectionString, Uri? serviceUri, string? clientId) =>
        connectionString is not null ? new TableServiceClient(connectionString) : new TableServiceClient(serviceUri, Credential(clientId));

    private static TokenCredential Credential(string? clientId) => string.IsNullOrWhiteSpace(clientId)
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
