using System.Text.Json;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ingress.Signatures;
using AlertProbe.Core.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ingress.Chat;

/// <summary>
/// Teams outgoing webhook (<c>POST /api/chat/teams</c>): verifies the HMAC, parses the command after the
/// <c>@mention</c>, queues a manual request and answers synchronously (Teams waits 5 s and offers no later reply).
/// Results go to <see cref="TeamsIngressOptions.ResultsWebhookUrl"/> when configured; otherwise the answer says
/// where to look. A request the address policies refuse is answered with the refusal and not queued
/// (<see cref="ManualRequestPolicy"/>).
/// </summary>
public sealed class TeamsCommandHandler(
    AlertQueueSender queue,
    SigningSecretStore secrets,
    TeamsSignatureVerifier verifier,
    ManualRequestPolicy policy,
    TimeProvider timeProvider,
    IOptions<IngressOptions> options,
    ILogger<TeamsCommandHandler> logger)
{
    private const string Invocation = "@AlertProbe";

    public async Task<IngressResult> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (!settings.Teams.HasSigningSecret)
        {
            return Refuse(IngressRefusal.NotConfigured);
        }

        if (request.Body.Length > settings.MaxBodyBytes)
        {
            return Refuse(IngressRefusal.BodyTooLarge);
        }

        var lookup = await secrets.GetAsync(settings.Teams, cancellationToken).ConfigureAwait(false);
        if (lookup.Secret is null)
        {
            return Refuse(lookup.Status == SigningSecretStatus.Unavailable ? IngressRefusal.SecretUnavailable : IngressRefusal.SecretMissing);
        }

        var status = verifier.Verify(request.Body.Span, request.Header(TeamsSignatureVerifier.AuthorizationHeader), lookup.Secret);
        if (status != SignatureStatus.Valid)
        {
            Log.SignatureRefused(logger, IngressSources.Teams, status);
            return IngressResult.Refused.Because(IngressRefusals.From(status));
        }

        var activity = ReadActivity(request.Body);
        if (activity is null)
        {
            return Refuse(IngressRefusal.InvalidRequest);
        }

        if (!IsFresh(activity, settings.Teams.MaxMessageAge))
        {
            return IngressResult.Refused.Because(IngressRefusal.SignatureExpired);
        }

        switch (ChatCommandParser.Parse(TeamsMessageText.ToCommandText(activity.Text)))
        {
            case ChatParseResult.HelpRequested:
                return Reply(ChatUsage.Text(Invocation));
            case ChatParseResult.Invalid invalid:
                Log.ChatCommandInvalid(logger, IngressSources.Teams, activity.From?.Id);
                return Reply($"{invalid.Error}\n\n{ChatUsage.Text(Invocation)}");
            case ChatParseResult.Parsed parsed:
                return await QueueAsync(parsed.Command, activity, settings.Teams, settings.Chat, request, cancellationToken).ConfigureAwait(false);
            default:
                throw new InvalidOperationException("Unexpected parse result.");
        }
    }

    private async Task<IngressResult> QueueAsync(
        ChatCommand command,
        TeamsActivity activity,
        TeamsIngressOptions teams,
        ChatIngressOptions defaults,
        InboundRequest request,
        CancellationToken cancellationToken)
    {
        var reply = teams.ResultsWebhookUrl is { } url ? new ChatReplyAddress(IngressSources.Teams, url) : null;
        var body = ManualRequestWriter.Write(command, reply, defaults);
        if (policy.Check(body, new PayloadHints { Source = IngressSources.Manual, ContentType = "application/json" }) is { } refused)
        {
            Log.ChatCommandRefused(logger, IngressSources.Teams, activity.From?.Id, refused.Reason, refused.Description);
            return Reply(ChatRefusal.Text(refused, $"{IngressOptions.SectionName}:Teams:{nameof(TeamsIngressOptions.ResultsWebhookUrl)}"));
        }

        var message = new AlertQueueMessage
        {
            Body = body,
            ContentType = "application/json",
            Source = IngressSources.Manual,
            Origin = IngressSources.Teams,
            MessageId = QueueMessageId.For(IngressSources.Teams, activity.Id, body),
            CorrelationId = request.CorrelationId,
        };
        var outcome = await queue.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (outcome != QueueSendOutcome.Sent)
        {
            Log.ChatCommandNotQueued(logger, IngressSources.Teams, activity.From?.Id, outcome);
            return Reply($"Sorry, AlertProbe could not queue the {command.TestType} test right now. Please try again in a minute.");
        }

        Log.ChatCommandQueued(logger, IngressSources.Teams, activity.From?.Id, command.TestType, message.MessageId);
        var where = reply is null
            ? $"results will not be posted to Teams: see {teams.ResultsLocation}."
            : "results will be posted to the AlertProbe results channel.";
        return Reply($"Running {command.Describe()} — {where}", message.MessageId);
    }

    /// <summary>The activity, or null for anything that is not a readable JSON activity (never an exception).</summary>
    private static TeamsActivity? ReadActivity(ReadOnlyMemory<byte> body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            return null;
        }

        try
        {
            // Lone surrogate escapes would throw out of string reads; refuse them as unreadable, like the intake does.
            return Alerts.Reading.JsonStringScanner.FindUnreadableString(body.Span, Alerts.AlertPayloadParser.MaxNestingDepth) is null
                ? JsonSerializer.Deserialize(body.Span, IngressJsonContext.Default.TeamsActivity)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The signed activity's timestamp against the replay window; an activity without one is let through (see docs/security.md).</summary>
    private bool IsFresh(TeamsActivity activity, TimeSpan window)
    {
        if (activity.Timestamp is null)
        {
            return true;
        }

        var sentAt = Alerts.Reading.JsonElementReader.ParseTimestamp(activity.Timestamp);
        var age = sentAt is null ? TimeSpan.MaxValue : timeProvider.GetUtcNow() - sentAt.Value;
        if (sentAt is not null && age.Duration() <= window)
        {
            return true;
        }

        Log.SignedTimestampStale(logger, IngressSources.Teams, "activity timestamp", sentAt is null ? TimeSpan.Zero : age, window);
        return false;
    }

    private static IngressResult.Replied Reply(string text, string? messageId = null)
        => new(text, JsonSerializer.Serialize(new TeamsReply("message", text), IngressJsonContext.Default.TeamsReply), messageId);

    private IngressResult.Refused Refuse(IngressRefusal refusal)
    {
        Log.Refused(logger, IngressSources.Teams, refusal);
        return IngressResult.Refused.Because(refusal);
    }
}
