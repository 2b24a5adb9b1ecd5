using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Core.Addresses;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.Core.Planning;

/// <summary>
/// One spelling per target, so that coalescing and policy see <c>https://Shop.Example.com:443/</c> and
/// <c>https://shop.example.com</c> as the same thing: the canonical host (<see cref="HostParser"/>: WHATWG host
/// parsing, so IDN names in punycode and IPv4 number forms in dotted decimal), default ports dropped, an empty path as "/", a trailing slash after a non-root path dropped,
/// fragments dropped; domains without a trailing dot and with an upper-case record type.
/// </summary>
public static class TargetNormalizer
{
    /// <summary>Finds and normalises the main target of a test from its rendered fields.</summary>
    public static bool TryGetTarget(InstantTestType type, JsonObject fields, [NotNullWhen(true)] out string? target, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(fields);
        target = null;
        switch (type.TargetKind)
        {
            case TestTargetKind.Url:
                return TryNormalizeUrl(Text(fields["url"]), out target, out error);
            case TestTargetKind.Server:
                return TryNormalizeHostPort(Text(fields["server"]), Text(fields["port"]), out target, out error);
            case TestTargetKind.Domain:
                return TryNormalizeDomain(Text(fields["domain"]), out target, out error);
            case TestTargetKind.SipRegistrar:
                var credentials = fields["targetSipCredentials"] as JsonObject;
                return TryNormalizeHostPort(Text(credentials?["sipRegistrar"]), Text(credentials?["port"]), out target, out error);
            case TestTargetKind.Agent:
                target = Text(fields["targetAgentId"])?.Trim();
                error = string.IsNullOrEmpty(target) ? "targetAgentId is empty" : null;
                return error is null;
            default:
                error = $"no target rule for {type.Name}";
                return false;
        }
    }

    /// <summary>Best-effort normal form of an already chosen target (e.g. from a manual request); unparseable text is only trimmed and lower-cased.</summary>
    public static string Normalize(string testType, string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(testType);
        var kind = InstantTestType.Parse(testType).TargetKind ?? TestTargetKind.Url;
        var normalized = kind switch
        {
            TestTargetKind.Url => TryNormalizeUrl(target, out var url, out _) ? url : null,
            TestTargetKind.Server or TestTargetKind.SipRegistrar => TryNormalizeHostPort(target, null, out var server, out _) ? server : null,
            TestTargetKind.Domain => TryNormalizeDomain(target, out var domain, out _) ? domain : null,
            _ => target.Trim(),
        };
        return normalized ?? target.Trim().ToLowerInvariant();
    }

    public static bool TryNormalizeUrl(string? text, [NotNullWhen(true)] out string? url, [NotNullWhen(false)] out string? error)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "url is empty";
            return false;
        }

        if (!TargetAddress.TryParse(text.Trim(), out var address, out error) || !address.IsUrl)
        {
            error = $"url is not an absolute URL ({error ?? "no scheme"})";
            return false;
        }

        if (address.HasUserInfo)
        {
            error = "url carries credentials (user:password@); they are never sent in a URL";
            return false;
        }

        if (!TryNormalizeHost(address.Host, out var host, out error))
        {
            return false;
        }

        var pathAndQuery = address.PathAndQuery ?? "/";
        var queryAt = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? pathAndQuery : pathAndQuery[..queryAt];
        var query = queryAt < 0 ? string.Empty : pathAndQuery[queryAt..];
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path.TrimEnd('/');
        }

        var port = address.Port is { } explicitPort ? ":" + explicitPort.ToString(CultureInfo.InvariantCulture) : string.Empty;
        url = $"{address.Scheme}://{Bracket(host)}{port}{(path.Length == 0 ? "/" : path)}{query}";
        return true;
    }

    public static bool TryNormalizeHostPort(string? text, string? port, [NotNullWhen(true)] out string? server, [NotNullWhen(false)] out string? error)
    {
        server = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "server is empty";
            return false;
        }

        if (!TargetAddress.TryParse(text.Trim(), out var address, out error))
        {
            error = $"server '{text}' is not a host or host:port ({error})";
            return false;
        }

        if (address.IsUrl)
        {
            error = $"server must be a host or host:port, not a URL (use '| hostport' in the template)";
            return false;
        }

        if (!TryNormalizeHost(address.Host, out var host, out error))
        {
            return false;
        }

        var effectivePort = address.Port?.ToString(CultureInfo.InvariantCulture) ?? port?.Trim();
        server = string.IsNullOrEmpty(effectivePort) ? Bracket(host) : $"{Bracket(host)}:{effectivePort}";
        return true;
    }

    public static bool TryNormalizeDomain(string? text, [NotNullWhen(true)] out string? domain, [NotNullWhen(false)] out string? error)
    {
        domain = null;
        var parts = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (parts.Length is 0 or > 2)
        {
            error = "domain must be a name, optionally followed by a record type (\"example.com A\")";
            return false;
        }

        var name = parts[0].TrimEnd('.');
        if (!TryNormalizeHost(name, out var host, out error))
        {
            return false;
        }

        domain = parts.Length == 2 ? $"{host} {parts[1].ToUpperInvariant()}" : host;
        return true;
    }

    /// <summary>The canonical host (<see cref="HostParser"/>): lower-case ASCII name, IPv4 dotted decimal, IPv6 compressed without brackets.</summary>
    public static bool TryNormalizeHost(string host, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(host);
        normalized = null;
        if (!HostParser.TryParse(host.StartsWith('[') || !host.Contains(':', StringComparison.Ordinal) ? host : $"[{host}]", out var canonical, out error))
        {
            return false;
        }

        normalized = canonical.Text;
        return true;
    }

    private static string Bracket(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;
}
