using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AlertProbe.Core.Addresses;

namespace AlertProbe.Core.Planning;

/// <summary>
/// What a target string says, taken apart and canonicalised (<see cref="AddressCanonicalizer"/>): a URL
/// (<c>https://host:port/path</c>) or a bare <c>host</c>, <c>host:port</c>, <c>[v6]:port</c> or IP address.
/// Pure text work: nothing is resolved.
/// </summary>
public sealed record TargetAddress
{
    /// <summary>The URL scheme, lower-case; null for a bare host.</summary>
    public string? Scheme { get; init; }

    /// <summary>The canonical host (<see cref="HostParser"/>: lower-case ASCII name, IPv4 in dotted decimal, IPv6 compressed and without brackets).</summary>
    public required string Host { get; init; }

    /// <summary>The port when written and not the scheme's default.</summary>
    public int? Port { get; init; }

    /// <summary>Path and query of a URL ("/" at least); null for a bare host.</summary>
    public string? PathAndQuery { get; init; }

    /// <summary>The URL carries <c>user:password@</c>. The user info itself is deliberately not kept.</summary>
    public bool HasUserInfo { get; init; }

    public bool IsUrl => Scheme is not null;

    /// <summary>The explicit port, else the scheme's default (443 for https, 80 for http, 21 for ftp), else null.</summary>
    public int? EffectivePort => Port ?? DefaultPort(Scheme);

    /// <summary>Host and port as <c>host:port</c> (<c>[v6]:port</c>), or just the host when no port is known.</summary>
    public string HostPort => EffectivePort is { } port ? $"{HostForAuthority}:{port.ToString(CultureInfo.InvariantCulture)}" : HostForAuthority;

    internal string HostForAuthority => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    public static int? DefaultPort(string? scheme) => CanonicalUrl.DefaultPort(scheme);

    public static bool TryParse(string text, [NotNullWhen(true)] out TargetAddress? address, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        if (text.Length == 0)
        {
            error = "it is empty";
            return false;
        }

        if (AddressCanonicalizer.LooksLikeUrl(text))
        {
            if (!AddressCanonicalizer.TryParseUrl(text, out var url, out error))
            {
                return false;
            }

            address = new TargetAddress
            {
                Scheme = url.Scheme,
                Host = url.Host.Text,
                Port = url.Port,
                PathAndQuery = PathAndQueryOf(url),
                HasUserInfo = url.HadUserInfo,
            };
            return true;
        }

        if (!AddressCanonicalizer.TryParseEndpoint(text, out var endpoint, out error))
        {
            return false;
        }

        address = new TargetAddress { Host = endpoint.Host.Text, Port = endpoint.Port };
        return true;
    }

    /// <summary>Path and query as a URI library normalises them (dot segments resolved, fragment dropped), for comparing targets.</summary>
    private static string PathAndQueryOf(CanonicalUrl url) =>
        Uri.TryCreate(url.ToString(), UriKind.Absolute, out var uri) && uri.PathAndQuery.Length > 0
            ? uri.PathAndQuery
            : url.Rest.Split('#')[0];
}
