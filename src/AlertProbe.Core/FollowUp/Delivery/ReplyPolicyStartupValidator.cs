using AlertProbe.Core.Ingress;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// The reply addresses that come from configuration rather than from a request — <c>FollowUp:Delivery:DefaultUrl</c>
/// and <c>Ingress:Teams:ResultsWebhookUrl</c> — judged by the <see cref="ReplyPolicy"/> at start-up, so an app configured
/// to send verdicts to a denied address refuses to start, naming the setting, instead of refusing every delivery later.
/// The message names the setting and the policy's reason (host only: the URL is a capability).
/// </summary>
internal sealed class ReplyPolicyStartupValidator(IOptions<ReplyPolicyOptions> replyOptions) : IValidateOptions<FollowUpOptions>, IValidateOptions<IngressOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Check($"{FollowUpOptions.SectionName}:Delivery:DefaultUrl", options.Delivery?.DefaultUrl);
    }

    public ValidateOptionsResult Validate(string? name, IngressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Check($"{IngressOptions.SectionName}:Teams:ResultsWebhookUrl", options.Teams.ResultsWebhookUrl);
    }

    private ValidateOptionsResult Check(string setting, Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            // Absent is allowed; not absolute is the owning options' own failure.
            return ValidateOptionsResult.Skip;
        }

        ReplyPolicy policy;
        try
        {
            policy = new ReplyPolicy(replyOptions);
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
        {
            // The reply policy's own settings are invalid: their validation names them.
            return ValidateOptionsResult.Skip;
        }

        return policy.Check(new Messages.ReplyAddress { Kind = Messages.ReplyKind.Webhook, Url = url }) is { } refused
            ? ValidateOptionsResult.Fail($"{setting} is refused by the reply policy ({ReplyPolicyOptions.SectionName}): {refused.Description}")
            : ValidateOptionsResult.Success;
    }
}
