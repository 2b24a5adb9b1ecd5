using System.Text;
using System.Text.Json;
using System.Web;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ingress.Signatures;
using AlertProbe.Core.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ingress.Chat;

/// <summary>
/// Slack slash command (<c>POST /api/chat/slack</c>): verifies Slack's signature over the raw form body, parses the
/// command, queues a manual request whose results go to the command's <c>response_url</c>, and answers at once
/// (Slack waits 3 s). Every answer to a genuine request is HTTP 200 with an ephemeral text, as Slack asks, including
/// usage errors, a request the address policies refuse (judged before queueing, see <see cref="ManualRequestPolicy"/>)
/// and a queue failure (Slack never retries a slash command, so the user is told to try again).
/// </summary>
public sealed class SlackCommandHandler(
    AlertQueueSender queue,
    SigningSecretStore secrets,
    SlackSignatureVerifier verifier,
    ManualRequestPolicy policy,
    IOptions<IngressOptions> options,
    ILogger<SlackCommandHandler> logger)
{
    private const string DefaultInvocation = "/alertprobe";

    public async Task<IngressResult> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (!settings.Slack.HasSigningSecret)
        {
            return Refuse(IngressRefusal.NotConfigured);
        }

        if (request.Body.Length > settings.MaxBodyBytes)
        {
            return Refuse(IngressRefusal.BodyTooLarge);
        }

        var lookup = await secrets.GetAsync(settings.Slack, cancellationToken).ConfigureAwait(false);
        if (lookup.Secret is null)
        {
            return Refuse(lookup.Status == SigningSecretStatus.Unavailable ? IngressRefusal.SecretUnavailable : IngressRefusal.SecretMissing);
        }

        var status = verifier.Verify(
            request.Body.Span,
            request.Header(SlackSignatureVerifier.TimestampHeader),
            request.Header(SlackSignatureVerifier.SignatureHeader),
            lookup.Secret);
        if (status != SignatureStatus.Valid)
        {
            Log.SignatureRefused(logger, IngressSources.Slack, status);
            return IngressResult.Refused.Because(IngressRefusals.From(status));
        }

        var form = HttpUtility.ParseQueryString(Encoding.UTF8.GetString(request.Body.Span));
        var invocation = string.IsNullOrWhiteSpace(form["command"]) ? DefaultInvocation : form["command"]!;
        var userId = form["user_id"];
        switch (ChatCommandParser.Parse(form["text"]))
        {
            case ChatParseResult.HelpRequested:
                return Reply(ChatUsage.Text(invocation));
            case ChatParseResult.Invalid invalid:
                Log.ChatCommandInvalid(logger, IngressSources.Slack, userId);
                return Reply($"{invalid.Error}\n{ChatUsage.Text(invocation)}");
            case ChatParseResult.Parsed parsed:
                if (!Uri.TryCreate(form["response_url"], UriKind.Absolute, out var responseUrl) || responseUrl.Scheme != Uri.UriSchemeHttps)
                {
                    return Refuse(IngressRefusal.InvalidRequest);
                }

                return await QueueAsync(parsed.Command, responseUrl, form["trigger_id"], userId, request, settings.Chat, cancellationToken)
                    .ConfigureAwait(false);
            default:
                throw new InvalidOperationException("Unexpected parse result.");
        }
    }

    private async Task<IngressResult> QueueAsync(
        ChatCommand command,
        Uri responseUrl,
        string? triggerId,
        string? userId,
        InboundRequest request,
        ChatIngressOptions defaults,
        CancellationToken cancellationToken)
    {
        var body = ManualRequestWriter.Write(command, new ChatReplyAddress(IngressSources.Slack, responseUrl), defaults);
        if (policy.Check(body, new PayloadHints { Source = IngressSources.Manual, ContentType = "application/json" }) is { } refused)
        {
            Log.ChatCommandRefused(logger, IngressSources.Slack, userId, refused.Reason, refused.Description);
            return Reply(ChatRefusal.Text(refused, "Slack's response_url"));
        }

        var message = new AlertQueueMessage
        {
            Body = body,
            ContentType = "application/json",
            Source = IngressSources.Manual,
            Origin = IngressSources.Slack,
            MessageId = QueueMessageId.For(IngressSources.Slack, triggerId, body),
            CorrelationId = request.CorrelationId,
        };
        var outcome = await queue.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (outcome != QueueSendOutcome.Sent)
        {
            Log.ChatCommandNotQueued(logger, IngressSources.Slack, userId, outcome);
            return Reply($"Sorry, AlertProbe could not queue the {command.TestType} test right now. Please try again in a minute.");
        }

        Log.ChatCommandQueued(logger, IngressSources.Slack, userId, command.TestType, message.MessageId);
        return Reply($"Running {command.Describe()} — results will be posted here.", message.MessageId);
    }

    private static IngressResult.Replied Reply(string text, string? messageId = null)
        => new(text, JsonSerializer.Serialize(new SlackReply("ephemeral", text), IngressJsonContext.Default.SlackReply), messageId);

    private IngressResult.Refused Refuse(IngressRefusal refusal)
    {
        Log.Refused(logger, IngressSources.Slack, refusal);
        return IngressResult.Refused.Because(refusal);
    }
}
