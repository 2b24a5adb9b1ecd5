using AlertProbe.ThousandEyes;
using AlertProbe.Core.KeyVault;
using AlertProbe.ThousandEyes.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Cli.Doctor;

/// <summary>ThousandEyes accepts the configured token: the agent list (read-only) answers, through the app's own client and credential source.</summary>
internal static class ThousandEyesCheck
{
    public const string Name = "thousandEyes";

    public static async Task<DoctorResult> RunAsync(IConfiguration settings, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging(logging => logging.ClearProviders()).AddThousandEyesClientWithKeyVault(settings);
        await using var provider = services.BuildServiceProvider();
        ThousandEyesClient client;
        ThousandEyesOptions options;
        try
        {
            options = provider.GetRequiredService<IOptions<ThousandEyesOptions>>().Value;
            client = provider.GetRequiredService<ThousandEyesClient>();
        }
        catch (OptionsValidationException exception)
        {
            return DoctorResult.Fail(Name, $"invalid settings: {string.Join("; ", exception.Failures)}", "Fix the ThousandEyes__* / KeyVault__* settings named above.");
        }

        var result = await client.GetAgentsAsync(options.AccountGroupId, cancellationToken).ConfigureAwait(false);
        var host = options.BaseUrl.Host;
        if (result.IsSuccess)
        {
            return DoctorResult.Pass(Name, $"{host} accepted the token: {result.Value!.Count} agent(s) visible ({options.ApiVersion.ToString().ToLowerInvariant()}).");
        }

        return result.Error switch
        {
            UnauthorizedError => DoctorResult.Fail(Name, $"{host} rejected the token (401).", "Put a valid ThousandEyes OAuth bearer token in the Key Vault secret (or ThousandEyes__BearerToken locally); for v6 basic auth, the email and basic token."),
            ForbiddenError => DoctorResult.Fail(Name, $"{host} refused the agent list (403).", "The token's user lacks the permission to view agents, or ThousandEyes__AccountGroupId names an account group it cannot use."),
            CredentialsUnavailableError => DoctorResult.Fail(Name, $"no credential could be read: {result.Error.Message}", "Set KeyVault__Uri and its secret, or ThousandEyes__BearerToken (see the keyVault check)."),
            _ => DoctorResult.Fail(Name, $"{host} did not answer the agent list: {result.Error!.Message}", "Check ThousandEyes__BaseUrl and that this machine reaches it."),
        };
    }
}
