using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Core.Addresses;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Policy;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// Decides whether a verdict may be sent to a reply address, at intake (so a request with a bad reply address is
/// refused before any test is created) and again right before sending (a message on the topic may not have come
/// through the intake). The URL is read by the same canonicaliser as test targets (<see cref="AddressCanonicalizer"/>):
/// https only unless <see cref="ReplyPolicyOptions.AllowHttp"/>; no user info; the host must match a configured
/// pattern (<see cref="ReplyPolicyOptions.EffectiveHosts"/>); loopback, private, link-local, metadata and the other
/// reserved addresses are refused in every spelling (<see cref="AddressJudge"/>), IP literals altogether.
/// Names are not resolved here; the allowed hosts are the chat services' own.
/// </summary>
public sealed class ReplyPolicy
{
    private readonly ReplyPolicyOptions options;
    private readonly IReadOnlyList<DomainPattern> hosts;
    private readonly AddressJudge reserved = new(ReplyPolicyOptions.SectionName, [], [], [], [], allowPrivate: false);

    public ReplyPolicy(IOptions<ReplyPolicyOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public ReplyPolicy(ReplyPolicyOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        hosts = [.. options.EffectiveHosts.Select(text => DomainPattern.TryParse(text, out var pattern)
            ? pattern
            : throw new InvalidOperationException($"Invalid host pattern '{text}' in {ReplyPolicyOptions.SectionName}."))];
    }

    /// <summary>The policy with its defaults (Slack and Teams hosts, https only).</summary>
    public static ReplyPolicy Default { get; } = new(new ReplyPolicyOptions());

    /// <summary>Null when a verdict may go to <paramref name="destination"/>; else why not.</summary>
    public Rejection? Check(ReplyAddress destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return destination.Url.IsAbsoluteUri
            ? Check("url", destination.Url.OriginalString)
            : new Rejection(RejectionReasons.ReplyDenied, "url: the reply address is not an absolute URL");
    }

    /// <summary>The reply object of a request (<c>{"kind": …, "url": …}</c>); <paramref name="field"/> names it in the refusal.</summary>
    public Rejection? Check(JsonObject reply, string field = "reply")
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply["url"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return reply["url"] is null
                ? null
                : new Rejection(RejectionReasons.ReplyDenied, $"{field}.url: must be a string URL");
        }

        return Check($"{field}.url", value.GetValue<string>());
    }

    private Rejection? Check(string field, string url)
    {
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return Denied(field, "the URL contains whitespace or control characters");
        }

        if (!AddressCanonicalizer.TryParseUrl(url, out var parsed, out var error))
        {
            return Denied(field, $"not an absolute URL: {error}");
        }

        // The URL is a capability (Slack's path holds a token): refusals name the host only.
        var host = parsed.Host;
        if (parsed.HadUserInfo)
        {
            return Denied(field, $"the URL for host '{host}' carries credentials (user:password@); replies never carry them");
        }

        if (parsed.Scheme != "https" && !(parsed.Scheme == "http" && options.AllowHttp))
        {
            return Denied(field, $"scheme '{parsed.Scheme}' is not allowed for replies (https only{(options.AllowHttp ? " or http" : string.Empty)}; {ReplyPolicyOptions.SectionName}:AllowHttp)");
        }

        if (options.AllowLoopback && IsLoopback(host))
        {
            return null;
        }

        if (reserved.Judge(host) is { } refusal)
        {
            return Denied(field, refusal.Description);
        }

        if (host.IsIPAddress)
        {
            return Denied(field, $"{host} is an IP address; replies go only to host names in {ReplyPolicyOptions.SectionName}:AllowedHosts");
        }

        return hosts.Any(pattern => pattern.Matches(host.Text))
            ? null
            : Denied(field, $"'{host}' is not an allowed reply host ({ReplyPolicyOptions.SectionName}:AllowedHosts; allowed: {string.Join(", ", hosts)})");
    }

    /// <summary>
    /// The verdict on an address a reply host name resolved to, right before connecting (DNS rebinding: a name allowed
    /// by pattern may resolve to an internal address). The same <see cref="AddressJudge"/> as for literals; loopback only
    /// under <see cref="ReplyPolicyOptions.AllowLoopback"/>. Null when the app may connect to it.
    /// </summary>
    public Rejection? CheckResolved(string hostName, System.Net.IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        if (!HostParser.TryParse(text, out var host, out var error))
        {
            // A scoped (zone id) address, say: nothing a public reply host resolves to.
            return Denied("reply host", $"'{hostName}' resolves to {address}, which is not a plain IP address ({error})");
        }

        if (options.AllowLoopback && IsLoopback(host))
        {
            return null;
        }

        return reserved.Judge(host) is { } refusal
            ? Denied("reply host", $"'{hostName}' resolves to {refusal.Description}; not connecting (DNS rebinding)")
            : null;
    }

    private static bool IsLoopback(CanonicalHost host) =>
        host.Address is { } address ? System.Net.IPAddress.IsLoopback(address) && host.Embedded.Count == 0 : host.Text is "localhost";

    private static Rejection Denied(string field, string detail) => new(RejectionReasons.ReplyDenied, $"{field}: {detail}");
}
