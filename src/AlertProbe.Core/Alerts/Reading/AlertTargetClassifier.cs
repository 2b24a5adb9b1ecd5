using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AlertProbe.Core.Alerts.Reading;

/// <summary>
/// Decides whether a value names something an instant test could probe, and what: an http(s) URL, an IP
/// address (optionally with a port) or a host name (optionally host:port). Values are kept as found.
/// </summary>
internal static class AlertTargetClassifier
{
    // Scanning free text (titles, descriptions) is bounded: only this many characters are looked at.
    private const int MaxScannedText = 4096;

    // Labels of 1-63 letters, digits, '-' or '_' (not at the ends), dot separated, optional trailing port.
    private static readonly Regex HostName = new(
        @"^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?(:(?<port>\d{1,5}))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex DottedQuad = new(
        @"^(?<ip>\d{1,3}(\.\d{1,3}){3})(:(?<port>\d{1,5}))?$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex BracketedIpv6 = new(
        @"^\[(?<ip>[0-9a-f:.%]+)\](:(?<port>\d{1,5}))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex Hex32 = new(
        "^[0-9a-f]{32}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    // In free text: http(s) URLs, dotted quads and fully qualified names with an alphabetic TLD.
    private static readonly Regex UrlInText = new(
        @"https?://[^\s""'<>()\[\]{}]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex HostInText = new(
        @"\b(\d{1,3}(\.\d{1,3}){3}|([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})(:\d{1,5})?\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>Classifies one value that is expected to be a target (a label, property or field meant for it).</summary>
    public static AlertTarget? Classify(string? value, string origin)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2048)
        {
            return null;
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && !string.IsNullOrEmpty(uri.Host)
                ? new AlertTarget(AlertTargetKind.Url, text, origin)
                : null;
        }

        if (IsIpAddress(text))
        {
            return new AlertTarget(AlertTargetKind.IpAddress, text, origin);
        }

        var host = HostName.Match(text);
        if (host.Success && ValidPort(host.Groups["port"]) && text.Split(':')[0].Length <= 253 && !IsAllDigitsAndDots(text))
        {
            return new AlertTarget(AlertTargetKind.Host, text, origin);
        }

        return null;
    }

    /// <summary>Like <see cref="Classify"/>, but refuses values that are ServiceNow sys_ids (32 hex digits).</summary>
    public static AlertTarget? ClassifyUnlessSysId(string? value, string origin) =>
        value is not null && Hex32.IsMatch(value.Trim()) ? null : Classify(value, origin);

    /// <summary>
    /// Finds URLs, IP addresses and fully qualified host names inside free text by pattern. Best effort: a
    /// dotted word such as a file name can be mistaken for a host, so these candidates rank after fields.
    /// </summary>
    public static IEnumerable<AlertTarget> FindInText(string? text, string origin)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var scanned = text.Length > MaxScannedText ? text[..MaxScannedText] : text;
        var urlSpans = new List<(int Start, int End)>();
        foreach (Match match in UrlInText.Matches(scanned))
        {
            urlSpans.Add((match.Index, match.Index + match.Length));
            var target = Classify(match.Value.TrimEnd('.', ',', ';', ':', '!', '?'), origin);
            if (target is not null)
            {
                yield return target;
            }
        }

        foreach (Match match in HostInText.Matches(scanned))
        {
            if (urlSpans.Any(span => match.Index >= span.Start && match.Index < span.End))
            {
                continue;
            }

            var target = Classify(match.Value, origin);
            if (target is not null)
            {
                yield return target;
            }
        }
    }

    private static bool IsIpAddress(string text)
    {
        var quad = DottedQuad.Match(text);
        if (quad.Success)
        {
            return IPAddress.TryParse(quad.Groups["ip"].Value, out var address)
                && address.AddressFamily == AddressFamily.InterNetwork
                && quad.Groups["ip"].Value.Split('.').All(octet => int.Parse(octet, CultureInfo.InvariantCulture) <= 255)
                && ValidPort(quad.Groups["port"]);
        }

        var bracketed = BracketedIpv6.Match(text);
        if (bracketed.Success)
        {
            return IPAddress.TryParse(bracketed.Groups["ip"].Value, out var address)
                && address.AddressFamily == AddressFamily.InterNetworkV6
                && ValidPort(bracketed.Groups["port"]);
        }

        // A bare IPv6 address has at least two colons (host:port has one).
        return text.Count(c => c == ':') >= 2
            && IPAddress.TryParse(text, out var v6)
            && v6.AddressFamily == AddressFamily.InterNetworkV6;
    }

    private static bool ValidPort(Group port) =>
        !port.Success
        || (int.TryParse(port.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535);

    // "10.0.0" or "42" are not host names, and not addresses either.
    private static bool IsAllDigitsAndDots(string text) =>
        text.Split(':')[0].All(c => char.IsAsciiDigit(c) || c == '.');
}
