using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AlertProbe.ThousandEyes.Errors;

/// <summary>
/// The one redactor for text that leaves the process (logs, dead-letter descriptions, published messages, replies,
/// CLI output, health): known secret values, URL userinfo, authorization-like headers (as an echo in an upstream
/// body would show them: <c>Authorization: Bearer …</c>, <c>"authorization":"…"</c>), bearer/basic credentials and
/// token-like query parameters become <see cref="Mask"/>. It lives in the lowest project so the ThousandEyes client
/// can apply it where upstream bodies are captured, and Core, the Functions and the CLI at every other exit.
/// </summary>
/// <remarks>
/// Known values are process-wide: every place that obtains a secret (credential sources, signing secret store)
/// calls <see cref="Remember"/>, so text from anywhere is checked against all of them. The set only grows.
/// </remarks>
public static partial class SecretRedactor
{
    public const string Mask = "[redacted]";

    /// <summary>
    /// Shorter values would mask ordinary words ("created" once masked a field name in a dead-letter description).
    /// ThousandEyes tokens, Slack/PagerDuty/Teams secrets are 32 characters or more; choose a Grafana secret as long.
    /// </summary>
    public const int MinimumSecretLength = 12;

    private static readonly ConcurrentDictionary<string, byte> Known = new(StringComparer.Ordinal);

    /// <summary>Adds a secret value to those masked wherever they appear. Blank and very short values are ignored.</summary>
    public static void Remember(string? secret)
    {
        var trimmed = secret?.Trim();
        if (trimmed is { Length: >= MinimumSecretLength })
        {
            Known.TryAdd(trimmed, 0);
        }
    }

    /// <summary>The text with every secret-looking part masked; null stays null.</summary>
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Longest first, so a secret that contains another is masked whole.
        foreach (var secret in Known.Keys.OrderByDescending(key => key.Length))
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        text = UserInfo().Replace(text, "${scheme}" + Mask + "@");
        text = HeaderLike().Replace(text, "${name}${sep}" + Mask);
        text = CredentialScheme().Replace(text, "${scheme} " + Mask);
        return TokenParameter().Replace(text, "${name}" + Mask);
    }

    /// <summary>A URL as it may be shown: userinfo and token-like query parameters masked.</summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Redact(url.OriginalString)!;
    }

    // scheme://user:password@host — anything before an '@' in the authority.
    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?<userinfo>[^/?#@\s""'<>]+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    // Header or JSON member names that carry credentials, followed by ':' or '=' (quotes allowed), then the value.
    [GeneratedRegex(
        @"(?<name>\b(?:proxy-)?authorization|\bx-api-key|\bapi[-_]?key|\bx-auth-token|\bcookie|\bset-cookie|\bx-slack-signature|\bx-pagerduty-signature|\bx-grafana-alert(?:ing)?-signature|\bclient[-_]?secret|\bpassword|\bsigning[-_]?secret|\b(?:bearer|basic)[-_]?token)(?<sep>[""']?\s*[:=]\s*[""']?)(?<value>[^""'\r\n,;}&]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLike();

    // "Bearer abc…", "Basic dXNlcj…", "HMAC …" wherever they appear (an echoed header without its name).
    [GeneratedRegex(@"(?<scheme>\b(?:bearer|basic|hmac))\s+(?<credential>[A-Za-z0-9\-._~+/]{8,}=*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialScheme();

    // ?token=…, &access_token=…, &sig=…, &code=… (Functions keys), &password=…
    [GeneratedRegex(
        @"(?<name>[?&;](?:[a-z_\-]*token|code|sig|signature|key|apikey|api_key|password|pwd|secret|client_secret|auth)=)(?<value>[^&#\s""'<>]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenParameter();
}
