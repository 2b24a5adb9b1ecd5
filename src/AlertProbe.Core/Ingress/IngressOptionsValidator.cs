using AlertProbe.Core.Ingress.Signatures;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ingress;

/// <summary>Cross-field rules of <see cref="IngressOptions"/>; messages name the setting, never its value.</summary>
public sealed class IngressOptionsValidator : IValidateOptions<IngressOptions>
{
    public ValidateOptionsResult Validate(string? name, IngressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckSecret(failures, "Slack", options.Slack, options);
        CheckSecret(failures, "Teams", options.Teams, options);
        CheckSecret(failures, "PagerDuty", options.PagerDuty, options);
        CheckSecret(failures, "Grafana", options.Grafana, options);

        if (!string.IsNullOrEmpty(options.Teams.SigningSecret) && !TeamsSignatureVerifier.IsValidSecurityToken(options.Teams.SigningSecret))
        {
            failures.Add($"{IngressOptions.SectionName}:Teams:SigningSecret must be the base64 security token Teams showed when the outgoing webhook was created.");
        }

        if (options.Teams.ResultsWebhookUrl is { } url && (!url.IsAbsoluteUri || url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{IngressOptions.SectionName}:Teams:ResultsWebhookUrl must be an absolute https URL.");
        }

        if (options.Chat.DefaultAgentType is not ("cloud" or "enterprise" or "enterprise-cluster"))
        {
            failures.Add($"{IngressOptions.SectionName}:Chat:DefaultAgentType must be cloud, enterprise or enterprise-cluster.");
        }

        if (options.Chat.DefaultMaxAgents < 1 || options.Chat.DefaultMaxAgents > Chat.ChatCommandParser.MaxAgents)
        {
            failures.Add($"{IngressOptions.SectionName}:Chat:DefaultMaxAgents must be between 1 and {Chat.ChatCommandParser.MaxAgents}.");
        }

        if (string.IsNullOrWhiteSpace(options.Grafana.SignatureHeader))
        {
            failures.Add($"{IngressOptions.SectionName}:Grafana:SignatureHeader must not be empty.");
        }

        if (options.Grafana.MaxClockSkew <= TimeSpan.Zero)
        {
            failures.Add($"{IngressOptions.SectionName}:Grafana:MaxClockSkew must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckSecret(List<string> failures, string source, SignedSourceOptions secret, IngressOptions options)
    {
        var prefix = $"{IngressOptions.SectionName}:{source}";
        if (!string.IsNullOrEmpty(secret.SigningSecret) && !string.IsNullOrEmpty(secret.SigningSecretName))
        {
            failures.Add($"{prefix}: set either SigningSecret or SigningSecretName, not both.");
        }

        if (!string.IsNullOrEmpty(secret.SigningSecretName) && options.KeyVaultUri is null)
        {
            failures.Add($"{prefix}:SigningSecretName needs {IngressOptions.SectionName}:KeyVaultUri (or KeyVault:Uri).");
        }
    }
}
