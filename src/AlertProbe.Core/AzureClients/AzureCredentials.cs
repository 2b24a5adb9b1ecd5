using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;

namespace AlertProbe.Core.AzureClients;

/// <summary>
/// The app's Azure credential, built once: <see cref="Default"/> (<c>DefaultAzureCredential</c>, which in Azure takes the
/// identity from <c>AZURE_CLIENT_ID</c>) and, where a feature names a user-assigned identity by its own setting
/// (<c>KeyVault:ManagedIdentityClientId</c>, <c>Ledger:ClientId</c>, <c>ServiceBus:clientId</c>, <c>Rules:Blob:ClientId</c>),
/// one credential per distinct client id, so the same identity is one credential (one token cache) for every client.
/// </summary>
public sealed class AzureCredentials
{
    private readonly ConcurrentDictionary<string, TokenCredential> _byClientId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string?, TokenCredential> _create;

    public AzureCredentials()
        : this(clientId => clientId is null
            ? new DefaultAzureCredential() // leaves AZURE_CLIENT_ID in charge, where the infra names the app's identity
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }))
    {
    }

    /// <param name="create">Builds the credential for a client id (null: the default identity); tests substitute theirs.</param>
    public AzureCredentials(Func<string?, TokenCredential> create)
    {
        _create = create ?? throw new ArgumentNullException(nameof(create));
        Default = create(null);
    }

    /// <summary>The credential every client uses unless its feature names another identity.</summary>
    public TokenCredential Default { get; }

    /// <summary>The credential for <paramref name="managedIdentityClientId"/>; <see cref="Default"/> when it is blank.</summary>
    public TokenCredential For(string? managedIdentityClientId) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? Default
            : _byClientId.GetOrAdd(managedIdentityClientId.Trim(), _create);
}
