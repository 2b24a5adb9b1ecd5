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

        CheckWindow(failures, "Grafana:MaxClockSkew", options.Grafana.MaxClockSkew, MaxClockSkew, ClockSkewReason);
        CheckWindow(failures, "PagerDuty:MaxClockSkew", options.PagerDuty.MaxClockSkew, MaxClockSkew, ClockSkewReason);
        CheckWindow(failures, "PagerDuty:MaxEventAge", options.PagerDuty.MaxEventAge, MaxReplayWindow, ReplayWindowReason);
        CheckWindow(failures, "Teams:MaxMessageAge", options.Teams.MaxMessageAge, MaxReplayWindow, ReplayWindowReason);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>
    /// Clocks of senders and Azure agree to seconds (NTP); Slack's own bound is 5 minutes. Further apart than this is a
    /// broken clock, and a wider window only widens what a replay may use.
    /// </summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The <c>alerts</c> queue's duplicate-detection window (infra/modules/servicebus.bicep, 1 hour): a replay younger
    /// than this is a duplicate, and a freshness window longer than it would let an older replay in as a new message.
    /// </summary>
    public static readonly TimeSpan MaxReplayWindow = TimeSpan.FromHours(1);

    private const string ClockSkewReason = "a wider allowance only widens the replay window";
    private const string ReplayWindowReason = "the alerts queue's duplicate-detection window; an older replay would be taken as a new message";

    /// <summary>A freshness window must be positive (zero or negative refuses every request) and at most <paramref name="max"/>.</summary>
    private static void CheckWindow(List<string> failures, string key, TimeSpan value, TimeSpan max, string why)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{IngressOptions.SectionName}:{key} must be positive (zero or negative would refuse every signed request).");
        }
        else if (value > max)
        {
            failures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{IngressOptions.SectionName}:{key} must be at most {max:c} ({why})."));
        }
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
