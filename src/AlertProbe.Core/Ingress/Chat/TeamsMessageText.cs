using System.Net;
using System.Text.RegularExpressions;

namespace AlertProbe.Core.Ingress.Chat;

/// <summary>
/// The command in a Teams outgoing-webhook message: Teams sends HTML-ish text that starts with the
/// <c>&lt;at&gt;BotName&lt;/at&gt;</c> mention; the mention, tags and entities are removed.
/// </summary>
public static partial class TeamsMessageText
{
    public static string ToCommandText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withoutMentions = MentionPattern().Replace(text, " ");
        var withoutTags = TagPattern().Replace(withoutMentions, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags).Replace('\u00A0', ' ');
        return WhitespacePattern().Replace(decoded, " ").Trim();
    }

    [GeneratedRegex("<at\\b[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex MentionPattern();

    [GeneratedRegex("<[^>]+>", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex WhitespacePattern();
}
