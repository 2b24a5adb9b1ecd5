using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AlertProbe.Core.Addresses;

/// <summary>
/// Reads URLs and <c>host[:port]</c> endpoints into their canonical form (<see cref="CanonicalUrl"/>,
/// <see cref="CanonicalEndpoint"/>), the host through <see cref="HostParser"/>. The authority is split the way the
/// WHATWG URL standard splits a special URL; where parsers disagree on a split (a backslash, which WHATWG reads as
/// '/' and curl as part of the user info; extra slashes, which WHATWG skips), the input is refused rather than
/// read one way, since the consumer might read it the other.
/// </summary>
public static class AddressCanonicalizer
{
    /// <summary>True when the text is written as a URL (<c>scheme://…</c>) rather than a host or host:port.</summary>
    public static bool LooksLikeUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("://", StringComparison.Ordinal);
    }

    public static bool TryParseUrl(string text, [NotNullWhen(true)] out CanonicalUrl? url, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        url = null;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !IsScheme(text.AsSpan(0, schemeEnd)))
        {
            error = "it is not an absolute URL (scheme://host/…)";
            return false;
        }

        var scheme = text[..schemeEnd].ToLowerInvariant();
        var afterSlashes = schemeEnd + 3;
        if (afterSlashes < text.Length && text[afterSlashes] is '/' or '\\')
        {
            error = "it has more than two slashes after the scheme (browsers skip them, other clients do not)";
            return false;
        }

        var authorityEnd = text.IndexOfAny(['/', '\\', '?', '#'], afterSlashes);
        if (authorityEnd < 0)
        {
            authorityEnd = text.Length;
        }

        if (authorityEnd < text.Length && text[authorityEnd] == '\\')
        {
            error = "it has a backslash after the host (browsers read it as '/', other clients as part of the host or user info)";
            return false;
        }

        var authority = text[afterSlashes..authorityEnd];
        var at = authority.LastIndexOf('@');
        var hadUserInfo = at >= 0;
        var hostPort = hadUserInfo ? authority[(at + 1)..] : authority;
        if (!TrySplitHostPort(hostPort, url: true, out var hostText, out var port, out error))
        {
            return false;
        }

        if (!HostParser.TryParse(hostText, out var host, out error))
        {
            return false;
        }

        var rest = text[authorityEnd..];
        url = new CanonicalUrl
        {
            Scheme = scheme,
            Host = host,
            Port = port == CanonicalUrl.DefaultPort(scheme) ? null : port,
            Rest = rest.StartsWith('/') ? rest : "/" + rest,
            HadUserInfo = hadUserInfo,
        };
        error = null;
        return true;
    }

    /// <summary>
    /// A host, <c>host:port</c>, <c>[v6]</c>, <c>[v6]:port</c>, or a bare IPv6 address (several colons, no port).
    /// </summary>
    public static bool TryParseEndpoint(string text, [NotNullWhen(true)] out CanonicalEndpoint? endpoint, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        endpoint = null;
        if (text.IndexOfAny(['/', '\\', '@', '?', '#']) is var bad and >= 0)
        {
            error = $"a host or host:port cannot contain '{text[bad]}'";
            return false;
        }

        if (!TrySplitHostPort(text, url: false, out var hostText, out var port, out error)
            || !HostParser.TryParse(hostText, out var host, out error))
        {
            return false;
        }

        endpoint = new CanonicalEndpoint { Host = host, Port = port };
        return true;
    }

    private static bool TrySplitHostPort(string text, bool url, out string host, out int? port, [NotNullWhen(false)] out string? error)
    {
        port = null;
        host = text;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = "'[' without a closing ']'";
                return false;
            }

            host = text[..(close + 1)];
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
            var first = text.IndexOf(':', StringComparison.Ordinal);
            // In a URL the first ':' ends the host (WHATWG). A bare endpoint with several colons is an IPv6 address.
            if (first >= 0 && (url || first == text.LastIndexOf(':')))
            {
                host = text[..first];
                portText = text[(first + 1)..];
            }
        }

        if (host.Length == 0)
        {
            error = "the host is empty";
            return false;
        }

        if (portText is { Length: > 0 })
        {
            if (!portText.All(char.IsAsciiDigit) || portText.Length > 5
                || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed > 65535)
            {
                error = $"the port '{Truncate(portText)}' is not a number from 1 to 65535";
                return false;
            }

            if (parsed == 0)
            {
                error = "port 0 is not a port a test can connect to (use 1 to 65535)";
                return false;
            }

            port = parsed;
        }

        error = null;
        return true;
    }

    private static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (!char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static string Truncate(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
