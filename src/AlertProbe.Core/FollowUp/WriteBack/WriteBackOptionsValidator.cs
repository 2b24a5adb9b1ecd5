using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Messages;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.WriteBack;

/// <summary>
/// Refuses at start-up, naming the setting: a destination switched on without its credentials, a secret name without
/// <c>KeyVault:Uri</c>, and a URL the reply policy would refuse (<see cref="WriteBackPolicy"/>: https unless
/// <c>ReplyPolicy:AllowHttp</c>, no user info, no reserved or internal address, loopback only under
/// <c>ReplyPolicy:AllowLoopback</c>).
/// </summary>
internal sealed class WriteBackOptionsValidator(IOptions<ReplyPolicyOptions> replyOptions) : IValidateOptions<WriteBackOptions>
{
    private const string Section = WriteBackOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WriteBackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SecretCacheLifetime < TimeSpan.Zero || options.SecretCacheLifetime > TimeSpan.FromHours(24))
        {
            failures.Add($"{Section}:SecretCacheLifetime must be between 00:00:00 and 1.00:00:00.");
        }

        var pagerDuty = options.PagerDuty;
        if (pagerDuty.IsConfigured)
        {
            Url(failures, "PagerDuty:ApiUrl", pagerDuty.ApiUrl);
            if (string.IsNullOrWhiteSpace(pagerDuty.From) || !pagerDuty.From.Contains('@', StringComparison.Ordinal))
            {
                failures.Add($"{Section}:PagerDuty:From must be the e-mail address of a PagerDuty user when {Section}:PagerDuty:Token is set (the API requires it for notes).");
            }

            Secret(failures, options, "PagerDuty:Token", pagerDuty.Token, pagerDuty.TokenSecretName);
        }

        var serviceNow = options.ServiceNow;
        if (serviceNow.IsConfigured)
        {
            Url(failures, "ServiceNow:InstanceUrl", serviceNow.InstanceUrl);
            var basic = !string.IsNullOrEmpty(serviceNow.User);
            if (basic == serviceNow.UsesToken)
            {
                failures.Add($"{Section}:ServiceNow needs either User with Password (or PasswordSecretName), or Token (or TokenSecretName), not both.");
            }
            else if (basic)
            {
                Secret(failures, options, "ServiceNow:Password", serviceNow.Password, serviceNow.PasswordSecretName);
            }
            else
            {
                Secret(failures, options, "ServiceNow:Token", serviceNow.Token, serviceNow.TokenSecretName);
            }
        }

        if (options.Grafana.IsConfigured)
        {
            Url(failures, "Grafana:Url", options.Grafana.Url);
            Secret(failures, options, "Grafana:Token", options.Grafana.Token, options.Grafana.TokenSecretName);
        }

        var jira = options.Jira;
        if (jira.IsConfigured)
        {
            Url(failures, "Jira:Url", jira.Url);
            if (string.IsNullOrWhiteSpace(jira.Email))
            {
                failures.Add($"{Section}:Jira:Email is required when {Section}:Jira:Url is set (basic auth is the account's e-mail and an API token).");
            }

            Secret(failures, options, "Jira:Token", jira.Token, jira.TokenSecretName);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Url(List<string> failures, string setting, Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            failures.Add($"{Section}:{setting} must be an absolute http(s) URL.");
            return;
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            failures.Add($"{Section}:{setting} must not carry a query or fragment (host {url.Host}).");
            return;
        }

        if (WriteBackPolicy.Check(url, replyOptions.Value) is { } refused)
        {
            failures.Add($"{Section}:{setting} is refused by the reply policy ({ReplyPolicyOptions.SectionName}): {refused.Description}");
        }
    }

    private static void Secret(List<string> failures, WriteBackOptions options, string setting, string? value, string? secretName)
    {
        if (string.IsNullOrEmpty(value) && string.IsNullOrEmpty(secretName))
        {
            failures.Add($"{Section}:{setting} (or {Section}:{setting}SecretName, a Key Vault secret) is required.");
        }
        else if (string.IsNullOrEmpty(value) && options.KeyVaultUri is null)
        {
            failures.Add($"{Section}:{setting}SecretName is set but KeyVault:Uri is not.");
        }
    }
}

/// <summary>
/// The reply policy applied to a configured write-back URL: its own host is the one allowed host (it comes from
/// configuration, not from a request), and everything else the policy checks still holds — https unless
/// <c>ReplyPolicy:AllowHttp</c>, no user info, reserved and internal addresses refused in every spelling, loopback
/// only under <c>ReplyPolicy:AllowLoopback</c>. At connect time the same <see cref="ReplyPolicyConnector"/> as replies
/// judges every resolved address (DNS rebinding).
/// </summary>
public static class WriteBackPolicy
{
    public static Rejection? Check(Uri url, ReplyPolicyOptions replyOptions)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(replyOptions);
        if (!url.IsAbsoluteUri)
        {
            return new Rejection(RejectionReasons.ReplyDenied, "url: not an absolute URL");
        }

        // An IP literal is never a pattern: the policy lets only loopback through (under AllowLoopback).
        var isAddress = url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6;
        ReplyPolicy policy;
        try
        {
            policy = new ReplyPolicy(new ReplyPolicyOptions
            {
                AllowedHosts = isAddress ? [] : [url.IdnHost],
                UseDefaultHosts = false,
                AllowHttp = replyOptions.AllowHttp,
                AllowLoopback = replyOptions.AllowLoopback,
            });
        }
        catch (InvalidOperationException)
        {
            return new Rejection(RejectionReasons.ReplyDenied, $"url: '{url.Host}' is not a host name");
        }

        return policy.Check(new ReplyAddress { Kind = ReplyKind.Webhook, Url = url });
    }
}
