namespace AlertProbe.Core.Ingress;

/// <summary>
/// Where a sender's signing secret comes from: the value itself (local runs; in Azure an app setting that is a Key
/// Vault reference) or the name of a Key Vault secret read with <c>SecretClient</c>, so a rotated secret is picked up
/// within <see cref="IngressOptions.SecretCacheLifetime"/>. Set at most one. Neither, and <see cref="RequireSignature"/>
/// off: the source is not signed.
/// </summary>
public abstract class SignedSourceOptions
{
    public string? SigningSecret { get; set; }

    public string? SigningSecretName { get; set; }

    /// <summary>
    /// Declares the source signed even when no secret is configured, so a secret setting lost in a re-provision (or a
    /// Key Vault secret deleted or emptied) refuses the source's requests instead of switching verification off.
    /// </summary>
    public bool RequireSignature { get; set; }

    public bool HasSigningSecret => !string.IsNullOrEmpty(SigningSecret) || !string.IsNullOrEmpty(SigningSecretName);

    /// <summary>Whether this source's requests must carry a valid signature.</summary>
    public bool IsSigned => HasSigningSecret || RequireSignature;
}

/// <summary>Slack slash command: the app's signing secret (never the deprecated verification token).</summary>
public sealed class SlackIngressOptions : SignedSourceOptions;

/// <summary>PagerDuty v3 webhook subscription secret; when set, unsigned or wrongly signed deliveries are refused.</summary>
public sealed class PagerDutyIngressOptions : SignedSourceOptions
{
    /// <summary>
    /// PagerDuty signs the body only, no header timestamp; the body's <c>event.occurred_at</c> is signed with it, so a
    /// delivery whose event is older than this (or further ahead than <see cref="MaxClockSkew"/>) is refused as a replay.
    /// PagerDuty retries for about 20 minutes (developer docs, webhooks "Behavior"); the default equals the
    /// <c>alerts</c> queue's duplicate-detection window (infra/modules/servicebus.bicep), so a replay of the same body is
    /// either a duplicate or too old.
    /// </summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Microsoft Teams outgoing webhook: <see cref="SignedSourceOptions.SigningSecret"/> is the base64 security token.</summary>
public sealed class TeamsIngressOptions : SignedSourceOptions
{
    /// <summary>
    /// A Teams Workflows incoming-webhook URL where results are posted later (an outgoing webhook can only answer
    /// synchronously). Null: results are not posted to Teams, and the reply says where to look instead.
    /// </summary>
    public Uri? ResultsWebhookUrl { get; set; }

    /// <summary>Where to look for results when <see cref="ResultsWebhookUrl"/> is not set; shown to the user.</summary>
    public string ResultsLocation { get; set; } = "ThousandEyes (Cloud & Enterprise Agents → Views)";

    /// <summary>
    /// Teams signs the body only; the activity's <c>timestamp</c> (Bot Framework Activity schema: when the message was
    /// sent, UTC) is inside it. An activity further than this from now is refused as a replay; one without a timestamp
    /// relies on duplicate detection of its activity id.
    /// </summary>
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Grafana webhook contact point <c>hmac_config</c>.</summary>
public sealed class GrafanaIngressOptions : SignedSourceOptions
{
    /// <summary>
    /// Grafana's docs name <c>X-Grafana-Alerting-Signature</c>, its code defaults to <c>X-Grafana-Alert-Signature</c>:
    /// set the header explicitly in the contact point, or change this to match.
    /// </summary>
    public string SignatureHeader { get; set; } = "X-Grafana-Alerting-Signature";

    /// <summary>The contact point's <c>timestamp_header</c>; when set, the signature covers "timestamp:body" and is time-limited.</summary>
    public string? TimestampHeader { get; set; }

    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>What a chat command leaves unsaid.</summary>
public sealed class ChatIngressOptions
{
    /// <summary>The agent type to run from when a command names no country or label: cloud, enterprise or enterprise-cluster.</summary>
    public string DefaultAgentType { get; set; } = "cloud";

    /// <summary>How many agents when a command does not say "from n agents".</summary>
    public int DefaultMaxAgents { get; set; } = 3;
}
