namespace AlertProbe.Core.FollowUp.WriteBack;

/// <summary>
/// Writing verdicts back into the alert's own tool (section <c>WriteBack</c>), one destination per source, each off
/// until its settings are given. Secrets are either the value (an app setting, possibly an App Service Key Vault
/// reference) or the name of a Key Vault secret in <c>KeyVault:Uri</c>, read with the app's identity and cached for
/// <see cref="SecretCacheLifetime"/>. Validated at start-up (<see cref="WriteBackOptionsValidator"/>).
/// </summary>
public sealed class WriteBackOptions
{
    public const string SectionName = "WriteBack";

    public PagerDutyWriteBackOptions PagerDuty { get; init; } = new();

    public ServiceNowWriteBackOptions ServiceNow { get; init; } = new();

    public GrafanaWriteBackOptions Grafana { get; init; } = new();

    public JiraWriteBackOptions Jira { get; init; } = new();

    /// <summary>How long a secret read from Key Vault is reused before it is read again (a rotation takes effect within it).</summary>
    public TimeSpan SecretCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The vault for <c>…SecretName</c> settings; filled from <c>KeyVault:Uri</c>.</summary>
    public Uri? KeyVaultUri { get; set; }
}

/// <summary>
/// A note on the PagerDuty incident (REST API v2 <c>POST /incidents/{id}/notes</c>). On when a token (or its secret
/// name) is set; <see cref="From"/> is then required (the API wants the e-mail of a user of the account).
/// </summary>
public sealed class PagerDutyWriteBackOptions
{
    /// <summary>The public REST API; a regional or stand-in URL may replace it.</summary>
    public static Uri DefaultApiUrl { get; } = new("https://api.pagerduty.com/");

    public Uri ApiUrl { get; set; } = DefaultApiUrl;

    /// <summary>A REST API key (sent as <c>Authorization: Token token=…</c>). A secret: never logged.</summary>
    public string? Token { get; set; }

    /// <summary>Or the Key Vault secret holding it.</summary>
    public string? TokenSecretName { get; set; }

    /// <summary>The e-mail address of a PagerDuty user of the account: the note's author (header <c>From</c>).</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrEmpty(Token) || !string.IsNullOrEmpty(TokenSecretName);
}

/// <summary>
/// A work note on the ServiceNow incident (Table API <c>PATCH /api/now/table/incident/{sys_id}</c>, field
/// <c>work_notes</c>). On when <see cref="InstanceUrl"/> is set; then either <see cref="User"/> and a password
/// (basic auth) or a token (an OAuth access token, sent as a bearer token).
/// </summary>
public sealed class ServiceNowWriteBackOptions
{
    /// <summary>The instance, e.g. <c>https://example.service-now.com/</c>.</summary>
    public Uri? InstanceUrl { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? PasswordSecretName { get; set; }

    public string? Token { get; set; }

    public string? TokenSecretName { get; set; }

    public bool IsConfigured => InstanceUrl is not null;

    internal bool UsesToken => !string.IsNullOrEmpty(Token) || !string.IsNullOrEmpty(TokenSecretName);
}

/// <summary>
/// An annotation in Grafana (<c>POST /api/annotations</c>): on the alert's dashboard and panel when the rule is linked to
/// one, else an organisation annotation tagged with the alert. On when <see cref="Url"/> is set; a service account token
/// (bearer) is then required.
/// </summary>
public sealed class GrafanaWriteBackOptions
{
    /// <summary>Grafana's root URL (a sub-path such as <c>https://example.com/grafana/</c> is kept).</summary>
    public Uri? Url { get; set; }

    public string? Token { get; set; }

    public string? TokenSecretName { get; set; }

    public bool IsConfigured => Url is not null;
}

/// <summary>
/// A comment on the Jira issue the alert names (REST API v3 <c>POST /rest/api/3/issue/{key}/comment</c>, Atlassian
/// Document Format). On when <see cref="Url"/> is set; <see cref="Email"/> and an API token (basic auth) are then required.
/// </summary>
public sealed class JiraWriteBackOptions
{
    /// <summary>The site, e.g. <c>https://example.atlassian.net/</c>.</summary>
    public Uri? Url { get; set; }

    public string? Email { get; set; }

    public string? Token { get; set; }

    public string? TokenSecretName { get; set; }

    public bool IsConfigured => Url is not null;
}
