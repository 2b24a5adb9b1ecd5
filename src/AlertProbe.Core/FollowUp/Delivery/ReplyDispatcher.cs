using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// POSTs a verdict to a reply address in the destination's format: a Slack <c>response_url</c> message, a Teams
/// Workflows Adaptive Card message, or the <see cref="InstantTestResults"/> JSON for a generic webhook. A typed
/// HTTP client; retries of one attempt live in its resilience handler. Reply URLs are capabilities (Slack's carries
/// a token): logs and outcomes name the host only.
/// </summary>
public partial class ReplyDispatcher
{
    private readonly HttpClient _http = null!;
    private readonly VerdictDeliveryOptions _options = null!;
    private readonly ILogger<ReplyDispatcher> _logger = null!;
    private readonly ReplyPolicy _policy = null!;

    public ReplyDispatcher(HttpClient httpClient, IOptions<FollowUpOptions> options, ReplyPolicy policy, ILogger<ReplyDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options.Value.Delivery;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>For mocking.</summary>
    protected ReplyDispatcher()
    {
    }

    /// <summary>Whether <paramref name="url"/> is a destination AlertProbe will send to (absolute http or https).</summary>
    public static bool IsAllowed(Uri url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    /// <summary>"slack reply to hooks.slack.com": how a destination appears in logs and outcomes.</summary>
    public static string Describe(ReplyAddress destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var host = destination.Url.IsAbsoluteUri ? destination.Url.Host : "(relative URL)";
        return $"{destination.Kind.ToString().ToLowerInvariant()} reply to {host}";
    }

    public virtual async Task<DeliveryOutcome> SendAsync(ReplyAddress destination, InstantTestResults results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(results);
        var described = Describe(destination);
        // Checked again right before sending: the message may not have come through the intake's check.
        var why = IsAllowed(destination.Url) ? _policy.Check(destination)?.Description : "only http(s) destinations are allowed";
        if (why is not null)
        {
            Log.Refused(_logger, results.TestId, results.Run, described, why);
            return new DeliveryOutcome(DeliveryStatus.FailedPermanently, $"{described}: refused by the reply policy: {why}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, destination.Url)
        {
            Content = Body(destination.Kind, results),
        };

        return await DeliveryHttp.SendAsync(
            _http,
            request,
            described,
            _options.RequestTimeout,
            why => Log.Failed(_logger, results.TestId, results.Run, described, why),
            status => Log.Delivered(_logger, results.TestId, results.Run, described, status),
            cancellationToken).ConfigureAwait(false);
    }

    private HttpContent Body(ReplyKind kind, InstantTestResults results)
    {
        if (kind == ReplyKind.Webhook)
        {
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(results, MessagesJsonContext.Default.InstantTestResults));
            content.Headers.ContentType = new MediaTypeHeaderValue(MessageEnvelope.JsonContentType) { CharSet = "utf-8" };
            return content;
        }

        JsonObject message = kind == ReplyKind.Slack
            ? SlackReply.Build(results, _options.MaxAgentsListed)
            : TeamsReply.Build(results, _options.MaxAgentsListed);
        return new StringContent(message.ToJsonString(), Encoding.UTF8, MessageEnvelope.JsonContentType);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Delivered the verdict of test {TestId} run {Run} as {Destination} ({StatusCode})")]
        public static partial void Delivered(ILogger logger, string testId, int run, string destination, int statusCode);

        [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "Delivering the verdict of test {TestId} run {Run} as {Destination} failed: {Failure}")]
        public static partial void Failed(ILogger logger, string testId, int run, string destination, string failure);

        [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "Refused to deliver the verdict of test {TestId} run {Run} as {Destination}: {Reason}")]
        public static partial void Refused(ILogger logger, string testId, int run, string destination, string reason);
    }
}
