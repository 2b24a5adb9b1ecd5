using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AlertProbe.Core.Planning;

/// <summary>
/// What a target string says, taken apart: a URL (<c>https://host:port/path</c>) or a bare
/// <c>host</c>, <c>host:port</c>, <c>[v6]:port</c> or IP address. Pure text work: nothing is resolved.
/// </summary>
public sealed record TargetAddress
{
    /// <summary>The URL scheme, lower-case; null for a bare host.</summary>
    public string? Scheme { get; init; }

    /// <summary>The host as written (IPv6 without brackets), not yet lower-cased or IDN-mapped.</summary>
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

    public static int? DefaultPort(string? scheme) => scheme switch
    {
        "https" => 443,
        "http" => 80,
        "ftp" => 21,
        "ftps" => 990,
        "sftp" => 22,
        _ => null,
    };

    public static bool TryParse(string text, [NotNullWhen(true)] out TargetAddress? address, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null;
        if (text.Length == 0)
        {
            error = "it is empty";
            return false;
        }

        return text.Contains("://", StringComparison.Ordinal)
            ? TryParseUrl(text, out address, out error)
            : TryParseHostPort(text, out address, out error);
    }

    private static bool TryParseUrl(string text, out TargetAddress? address, out string? error)
    {
        address = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            error = "it is not a valid absolute URL";
            return false;
        }

        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        address = new TargetAddress
        {
            Scheme = uri.Scheme.ToLowerInvariant(),
            Host = host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? null : uri.Port,
            PathAndQuery = uri.PathAndQuery.Length == 0 ? "/" : uri.PathAndQuery,
            HasUserInfo = uri.UserInfo.Length > 0,
        };
        error = null;
        return true;
    }

    private static bool TryParseHostPort(string text, out TargetAddress? address, out string? error)
    {
        address = null;
        string host;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = "'[' without a closing ']'";
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    error = "unexpected text after ']'";
                    return false;
                }

                portText = rest[1..];
            }
        }
        else
        {
            var firstColon = text.IndexOf(':', StringComparison.Ordinal);
            var lastColon = text.LastIndexOf(':');
            if (firstColon >= 0 && firstColon == lastColon)
            {
                host = text[..firstColon];
                portText = text[(firstColon + 1)..];
            }
            else
            {
                // No colon, or several: a bare IPv6 address has no port.
                host = text;
            }
        }

        if (host.Length == 0)
        {
            error = "the host is empty";
            return false;
        }

        if (host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\' or '@' or '?' or '#'))
        {
            error = "the host contains spaces or characters a host name cannot have";
            return false;
        }

        int? port = null;
        if (portText is not null)
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 65535)
            {
                error = "the port is not a number from 1 to 65535";
                return false;
            }

            port = parsed;
        }

        address = new TargetAddress { Host = host, Port = port };
        error = null;
        return true;
    }
}
