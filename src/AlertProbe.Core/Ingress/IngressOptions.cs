using System.ComponentModel.DataAnnotations;

namespace AlertProbe.Core.Ingress;

/// <summary>Settings of the HTTP ingress (alert webhooks and chat commands), bound from <see cref="SectionName"/>.</summary>
public sealed class IngressOptions
{
    public const string SectionName = "Ingress";

    /// <summary>Service Bus' standard-tier message size limit; Azure Monitor payloads are at most 256 KB too.</summary>
    public const int DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>Larger bodies are answered 413 without being queued.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>Key Vault for <c>SigningSecretName</c>s; defaults to <c>KeyVault:Uri</c>.</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>How long a secret read from Key Vault is reused before it is read again (rotation delay).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SecretCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public ChatIngressOptions Chat { get; set; } = new();

    public SlackIngressOptions Slack { get; set; } = new();

    public TeamsIngressOptions Teams { get; set; } = new();

    public PagerDutyIngressOptions PagerDuty { get; set; } = new();

    public GrafanaIngressOptions Grafana { get; set; } = new();
}
