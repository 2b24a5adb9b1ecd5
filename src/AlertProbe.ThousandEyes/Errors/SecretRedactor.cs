using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

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
/// calls <see cref="Remember"/>, and the health endpoint remembers every configured secret setting
/// (<see cref="RememberSettings"/>), so text from anywhere is checked against all of them. The set only grows. Each
/// value is also remembered as JSON writers and URL encoders spell it (<c>+</c> as <c>\u002B</c>, <c>/</c> as
/// <c>\/</c>, <c>%2B</c>), since an upstream body or a serialised message quotes it that way.
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

    // Connection-string slots the Functions host and SDKs read, besides settings whose names say they are secret.
    private static readonly string[] ConnectionSettings = ["ServiceBus", "AzureWebJobsStorage", "AzureWebJobsServiceBus"];

    /// <summary>Adds a secret value (and its escaped spellings) to those masked wherever they appear. Blank and very short values are ignored.</summary>
    public static void Remember(string? secret)
    {
        var trimmed = secret?.Trim();
        if (trimmed is not { Length: >= MinimumSecretLength })
        {
            return;
        }

        foreach (var spelling in Spellings(trimmed))
        {
            Known.TryAdd(spelling, 0);
        }
    }

    /// <summary>
    /// Remembers every configured value that is a secret: a setting whose name ends in token, secret, password,
    /// connection string, account/access/API key; the connection-string slots; any value holding an account or shared
    /// access key. Read at each call, so a rotated secret is covered after a reload.
    /// </summary>
    public static void RememberSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is not null && IsSecretSetting(key, value))
            {
                Remember(value);
            }
        }
    }

    private static bool IsSecretSetting(string key, string value)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return SecretSettingName().IsMatch(name)
            || ConnectionSettings.Contains(key, StringComparer.OrdinalIgnoreCase)
            || value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
            || value.Contains("SharedAccessKey=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The value as written, as JSON writers escape it (default and relaxed encoders, with and without <c>\/</c>, either hex case) and URL-encoded.</summary>
    private static IEnumerable<string> Spellings(string secret)
    {
        var strict = JsonEncodedText.Encode(secret).ToString();
        var relaxed = JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        string[] json = [strict, relaxed, UnicodeEscapesLowerCase().Replace(strict, match => match.Value.ToLowerInvariant())];
        return new[] { secret, Uri.EscapeDataString(secret) }
            .Concat(json)
            .Concat(json.Select(text => text.Replace("/", "\\/", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal);
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

    [GeneratedRegex("(token|secret|password|connectionstring|accountkey|accesskey|apikey)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretSettingName();

    [GeneratedRegex(@"\\u[0-9A-F]{4}", RegexOptions.CultureInvariant)]
    private static partial Regex UnicodeEscapesLowerCase();

    // scheme://user:password@host — anything before an '@' in the authority.
    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.\-]*://)(?<userinfo>[^/?#@\s""'<>]+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    // Header or JSON member names that carry credentials, followed by ':' or '=' (quotes allowed), then the value.
    [GeneratedRegex(
        @"(?<name>\b(?:proxy-)?authorization|\bx-api-key|\bapi[-_]?key|\bx-auth-token|\bcookie|\bset-cookie|\bx-slack-signature|\bx-pagerduty-signature|\bx-grafana-alert(?:ing)?-signature|\bclient[-_]?secret|\bpassword|\bsigning[-_]?secret|\bsharedaccesskey|\baccountkey|\b(?:bearer|basic)[-_]?token)(?<sep>[""']?\s*[:=]\s*[""']?)(?<value>[^""'\r\n,;}&]+)",
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
