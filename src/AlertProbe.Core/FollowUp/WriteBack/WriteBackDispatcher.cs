using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.WriteBack;

/// <summary>
/// Makes one write-back request (<see cref="WriteBackRequests"/>) on its own typed HTTP client: the reply client's
/// resilience (retries of 5xx, 408, 429 and connection failures; a per-attempt timeout), the reply policy's
/// connector (every resolved address judged: DNS rebinding), no proxy and no redirects — a redirect would take the
/// credential to a host nobody configured. Logs and outcomes name the destination kind and host, never the path
/// or the credential.
/// </summary>
public sealed partial class WriteBackDispatcher(
    HttpClient http,
    IOptions<WriteBackOptions> options,
    IOptions<ReplyPolicyOptions> replyPolicy,
    IOptions<FollowUpOptions> followUp,
    WriteBackSecretStore secrets,
    ILogger<WriteBackDispatcher> logger)
{
    public async Task<DeliveryOutcome> SendAsync(WriteBackTarget target, InstantTestCreated created, InstantTestResults results, WriteBackText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(created);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(text);
        var settings = options.Value;
        var baseUrl = BaseUrl(target.Kind, settings)!;
        var described = Describe(target.Kind, baseUrl);

        // Checked again right before sending, as replies are.
        if (WriteBackPolicy.Check(baseUrl, replyPolicy.Value) is { } refused)
        {
            Log.Failed(logger, results.TestId, results.Run, described, "refused by the reply policy");
            return new DeliveryOutcome(DeliveryStatus.FailedPermanently, $"{described}: refused by the reply policy: {refused.Description}");
        }

        var secret = await SecretAsync(target.Kind, settings, cancellationToken).ConfigureAwait(false);
        if (secret.Value is not { } credential)
        {
            Log.Failed(logger, results.TestId, results.Run, described, secret.Why!);
            return new DeliveryOutcome(secret.Transient ? DeliveryStatus.FailedTransiently : DeliveryStatus.FailedPermanently, $"{described}: {secret.Why}");
        }

        using var request = target.Kind switch
        {
            WriteBackKind.PagerDuty => WriteBackRequests.PagerDuty(settings.PagerDuty, credential, target, text),
            WriteBackKind.ServiceNow => WriteBackRequests.ServiceNow(settings.ServiceNow, credential, target, text),
            WriteBackKind.Grafana => WriteBackRequests.Grafana(settings.Grafana, credential, target, created, results, text),
            _ => WriteBackRequests.Jira(settings.Jira, credential, target, text),
        };

        return await DeliveryHttp.SendAsync(
            http,
            request,
            described,
            followUp.Value.Delivery.RequestTimeout,
            why => Log.Failed(logger, results.TestId, results.Run, described, why),
            status => Log.Delivered(logger, results.TestId, results.Run, described, status),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"pagerDuty write-back to api.pagerduty.com".</summary>
    public static string Describe(WriteBackKind kind, Uri? baseUrl) =>
        $"{Name(kind)} write-back to {(baseUrl is { IsAbsoluteUri: true } ? baseUrl.Host : "(not configured)")}";

    public static string Name(WriteBackKind kind) => kind switch
    {
        WriteBackKind.PagerDuty => "pagerDuty",
        WriteBackKind.ServiceNow => "serviceNow",
        WriteBackKind.Grafana => "grafana",
        _ => "jira",
    };

    /// <summary>The destination's configured base URL; null when it is not configured.</summary>
    public static Uri? BaseUrl(WriteBackKind kind, WriteBackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return kind switch
        {
            WriteBackKind.PagerDuty => options.PagerDuty.IsConfigured ? options.PagerDuty.ApiUrl : null,
            WriteBackKind.ServiceNow => options.ServiceNow.InstanceUrl,
            WriteBackKind.Grafana => options.Grafana.Url,
            _ => options.Jira.Url,
        };
    }

    private Task<SecretLookup> SecretAsync(WriteBackKind kind, WriteBackOptions settings, CancellationToken cancellationToken) => kind switch
    {
        WriteBackKind.PagerDuty => secrets.GetAsync("WriteBack:PagerDuty:Token", settings.PagerDuty.Token, settings.PagerDuty.TokenSecretName, cancellationToken),
        WriteBackKind.ServiceNow when settings.ServiceNow.UsesToken =>
            secrets.GetAsync("WriteBack:ServiceNow:Token", settings.ServiceNow.Token, settings.ServiceNow.TokenSecretName, cancellationToken),
        WriteBackKind.ServiceNow => secrets.GetAsync("WriteBack:ServiceNow:Password", settings.ServiceNow.Password, settings.ServiceNow.PasswordSecretName, cancellationToken),
        WriteBackKind.Grafana => secrets.GetAsync("WriteBack:Grafana:Token", settings.Grafana.Token, settings.Grafana.TokenSecretName, cancellationToken),
        _ => secrets.GetAsync("WriteBack:Jira:Token", settings.Jira.Token, settings.Jira.TokenSecretName, cancellationToken),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 4041, Level = LogLevel.Information, Message = "Wrote the verdict of test {TestId} run {Run} back as {Destination} ({StatusCode})")]
        public static partial void Delivered(ILogger logger, string testId, int run, string destination, int statusCode);

        [LoggerMessage(EventId = 4042, Level = LogLevel.Warning, Message = "Writing the verdict of test {TestId} run {Run} back as {Destination} failed: {Failure}")]
        public static partial void Failed(ILogger logger, string testId, int run, string destination, string failure);
    }
}
