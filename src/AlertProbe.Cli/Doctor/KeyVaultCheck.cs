using AlertProbe.Core.KeyVault;
using Azure;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Cli.Doctor;

/// <summary>The ThousandEyes credential secrets can be read from Key Vault with the app's identity (names reported, never values).</summary>
internal static class KeyVaultCheck
{
    public const string Name = "keyVault";

    public static async Task<DoctorResult> RunAsync(IConfiguration settings, DoctorClients clients, CancellationToken cancellationToken)
    {
        var vault = new KeyVaultOptions();
        settings.GetSection(KeyVaultOptions.SectionName).Bind(vault);
        if (vault.Uri is null)
        {
            return DoctorResult.Skip(Name, "KeyVault__Uri is not set: the ThousandEyes credentials come from the settings.");
        }

        var basic = string.Equals(settings["ThousandEyes:AuthScheme"], "Basic", StringComparison.OrdinalIgnoreCase);
        string[] names = basic ? [vault.EmailSecretName, vault.BasicTokenSecretName] : [vault.BearerTokenSecretName];
        var client = clients.SecretClient(vault.Uri, vault.ManagedIdentityClientId);
        foreach (var name in names)
        {
            try
            {
                var secret = await client.GetSecretAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrWhiteSpace(secret.Value.Value))
                {
                    return DoctorResult.Fail(Name, $"secret '{name}' in {vault.Uri.Host} is empty.", $"Set the secret '{name}' to the ThousandEyes credential.");
                }
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return DoctorResult.Fail(Name, $"secret '{name}' does not exist in {vault.Uri.Host}.", $"Create it: az keyvault secret set --vault-name {vault.Uri.Host.Split('.')[0]} --name {name} --value <token>.");
            }
            catch (RequestFailedException exception) when (exception.Status is 401 or 403)
            {
                return DoctorResult.Fail(Name, $"{vault.Uri.Host} refused to read '{name}' ({exception.Status}).", "Grant the identity 'Key Vault Secrets User' on the vault (the app's identity in Azure; yours when run locally).");
            }
            catch (Exception exception) when (exception is RequestFailedException or Azure.Identity.AuthenticationFailedException or HttpRequestException)
            {
                return DoctorResult.Fail(Name, $"could not read '{name}' from {vault.Uri.Host}: {exception.GetType().Name}.", "Check KeyVault__Uri and that this machine can sign in (az login) and reach the vault.");
            }
        }

        return DoctorResult.Pass(Name, $"{string.Join(" and ", names.Select(n => $"'{n}'"))} readable in {vault.Uri.Host}.");
    }
}
