namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// Where AlertProbe may send verdicts (section <c>ReplyPolicy</c>). A reply address comes from the request (a
/// manual message, a chat command), so without this list anyone who can queue a message could make the Functions
/// app POST to an address of their choosing (server-side request forgery).
/// </summary>
public sealed class ReplyPolicyOptions
{
    public const string SectionName = "ReplyPolicy";

    /// <summary>
    /// The hosts allowed when <see cref="UseDefaultHosts"/> is true: where Slack and Teams say replies go.
    /// <c>hooks.slack.com</c>: Slack's <c>response_url</c> (api.slack.com, "Handling user interaction", message
    /// responses; the form example in the shared alert-format reference has one). <c>*.logic.azure.com</c>: Teams
    /// Workflows "When a Teams webhook request is received" and Logic Apps HTTP triggers (learn.microsoft.com,
    /// Get-AzLogicAppTriggerCallbackUrl: <c>prod-NN.region.logic.azure.com</c>).
    /// <c>*.environment.api.powerplatform.com</c>: the newer Power Automate trigger host Microsoft announced for
    /// Workflows URLs; it could not be checked from here, which is why the defaults can be switched off.
    /// </summary>
    public static IReadOnlyList<string> DefaultHosts { get; } = ["hooks.slack.com", "*.logic.azure.com", "*.environment.api.powerplatform.com"];

    /// <summary>Host patterns allowed besides the defaults: <c>hooks.example.com</c> exactly, <c>*.example.com</c> any sub-domain.</summary>
    public IList<string> AllowedHosts { get; init; } = [];

    /// <summary>Whether <see cref="DefaultHosts"/> are allowed (true by default).</summary>
    public bool UseDefaultHosts { get; set; } = true;

    /// <summary>Allow plain http destinations (false: https only).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Allow destinations on this machine's loopback address (127/8, ::1, localhost) without a host pattern, for a
    /// local run whose webhook receiver is on the same machine. Never set it in Azure: loopback is exactly what the
    /// policy keeps a request from reaching. Private, link-local and metadata addresses stay refused.
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>The patterns in effect.</summary>
    public IEnumerable<string> EffectiveHosts => UseDefaultHosts ? DefaultHosts.Concat(AllowedHosts) : AllowedHosts;
}
