using System.Globalization;
using System.Net;
using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Ingress.Chat;

/// <summary>
/// Parses <c>[/alertprobe] &lt;type&gt; &lt;target&gt; [from &lt;n&gt; agents] [in &lt;cc&gt;[,&lt;cc&gt;]] [label &lt;label&gt;]
/// [rerun &lt;n&gt; every &lt;duration&gt;]</c> and <c>help</c>. Clauses may come in any order, each at most once.
/// Keywords are case-insensitive. Slack's link escaping (<c>&lt;https://x|x&gt;</c>, <c>&amp;amp;</c>) is undone.
/// </summary>
public static class ChatCommandParser
{
    public const int MaxAgents = 20;
    public const int MaxReruns = 10;
    public static readonly TimeSpan MinRerunInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxRerunInterval = TimeSpan.FromHours(1);

    private const string CommandWord = "/alertprobe";

    public static ChatParseResult Parse(string? text)
    {
        var tokens = Tokenize(text);
        if (tokens.Count > 0 && string.Equals(tokens[0], CommandWord, StringComparison.OrdinalIgnoreCase))
        {
            tokens.RemoveAt(0);
        }

        // Control and format characters (BEL, ESC, NUL, bidi overrides, zero-width spaces) have no place in a command:
        // they would travel to ThousandEyes in a label or hide what a target really is from whoever reads the reply.
        if (tokens.SelectMany(token => token).FirstOrDefault(IsControlOrFormat) is var hidden && hidden != default(char))
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"The command contains a control or invisible character (U+{(int)hidden:X4}); type it again without it."));
        }

        if (tokens.Count == 0 || tokens[0].ToUpperInvariant() is "HELP" or "?" or "-H" or "--HELP")
        {
            return new ChatParseResult.HelpRequested();
        }

        var type = ChatTestType.Find(tokens[0]);
        if (type is null)
        {
            return Invalid($"Unknown test type '{tokens[0]}'. Use one of: {string.Join(", ", ChatTestType.All.Select(t => t.Names[0]))}.");
        }

        if (tokens.Count < 2)
        {
            return Invalid($"Say what to test: {tokens[0]} <{TargetWord(type.Target)}>.");
        }

        var target = NormalizeTarget(type.Target, tokens[1], out var targetError);
        if (target is null)
        {
            return Invalid(targetError!);
        }

        var command = new ChatCommand { TestType = type.TestType, TargetField = TargetField(type.Target), Target = target };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var position = 2;
        while (position < tokens.Count)
        {
            var keyword = tokens[position].ToUpperInvariant();
            if (!seen.Add(keyword))
            {
                return Invalid($"'{tokens[position]}' is given twice.");
            }

            var error = keyword switch
            {
                "FROM" => ParseFrom(tokens, ref position, ref command),
                "IN" => ParseIn(tokens, ref position, ref command),
                "LABEL" => ParseLabel(tokens, ref position, ref command),
                "RERUN" => ParseRerun(tokens, ref position, ref command),
                _ => $"Unexpected '{tokens[position]}'. After the target come: from <n> agents, in <countries>, label <label>, rerun <n> every <duration>.",
            };
            if (error is not null)
            {
                return Invalid(error);
            }
        }

        return new ChatParseResult.Parsed(command);
    }

    private static string? ParseFrom(List<string> tokens, ref int position, ref ChatCommand command)
    {
        // from <n> agents
        if (position + 1 >= tokens.Count || !TryParseCount(tokens[position + 1], out var count))
        {
            return "Write 'from <n> agents', e.g. 'from 3 agents'.";
        }

        if (count < 1 || count > MaxAgents)
        {
            return $"Choose between 1 and {MaxAgents} agents.";
        }

        position += 2;
        if (position < tokens.Count && tokens[position].ToUpperInvariant() is "AGENT" or "AGENTS")
        {
            position++;
        }

        command = command with { AgentCount = count };
        return null;
    }

    private static string? ParseIn(List<string> tokens, ref int position, ref ChatCommand command)
    {
        // in US,DE — also "in US, DE": a token ending in a comma continues the list.
        position++;
        var list = string.Empty;
        while (position < tokens.Count)
        {
            list += tokens[position];
            position++;
            if (!list.EndsWith(',') && (position >= tokens.Count || !tokens[position].StartsWith(',')))
            {
                break;
            }
        }

        var countries = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (countries.Length == 0)
        {
            return "Write 'in <country>[,<country>]' with two-letter country codes, e.g. 'in US,DE'.";
        }

        foreach (var country in countries)
        {
            if (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1]))
            {
                return $"'{country}' is not a two-letter country code (ISO 3166), e.g. US, DE, GB.";
            }
        }

        command = command with { Countries = countries.Select(c => c.ToUpperInvariant()).Distinct().ToArray() };
        return null;
    }

    private static string? ParseLabel(List<string> tokens, ref int position, ref ChatCommand command)
    {
        if (position + 1 >= tokens.Count)
        {
            return "Write 'label <agent label>'.";
        }

        command = command with { Label = tokens[position + 1] };
        position += 2;
        return null;
    }

    private static string? ParseRerun(List<string> tokens, ref int position, ref ChatCommand command)
    {
        // rerun <n> [times] every <duration>
        const string Shape = "Write 'rerun <n> every <duration>', e.g. 'rerun 2 every 5m'.";
        if (position + 1 >= tokens.Count || !TryParseCount(tokens[position + 1], out var count))
        {
            return Shape;
        }

        position += 2;
        if (position < tokens.Count && tokens[position].ToUpperInvariant() is "TIME" or "TIMES")
        {
            position++;
        }

        if (position + 1 >= tokens.Count || !string.Equals(tokens[position], "every", StringComparison.OrdinalIgnoreCase))
        {
            return Shape;
        }

        if (!ChatDuration.TryParse(tokens[position + 1], out var interval))
        {
            return $"'{tokens[position + 1]}' is not a duration: use e.g. 90s, 5m or 1h.";
        }

        position += 2;
        if (count < 1 || count > MaxReruns)
        {
            return $"Rerun between 1 and {MaxReruns} times.";
        }

        if (interval < MinRerunInterval || interval > MaxRerunInterval)
        {
            return $"Rerun every {ChatDuration.Format(MinRerunInterval)} to {ChatDuration.Format(MaxRerunInterval)}.";
        }

        command = command with { Rerun = new RerunPolicy(count, interval, StopWhenResolved: false) };
        return null;
    }

    private static string? NormalizeTarget(ChatTargetKind kind, string raw, out string? error)
    {
        error = null;
        switch (kind)
        {
            case ChatTargetKind.Url:
                var candidate = raw.Contains("://", StringComparison.Ordinal) ? raw : "https://" + raw;
                if (Uri.TryCreate(candidate, UriKind.Absolute, out var url)
                    && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                    && HostKind(url) != UriHostNameType.Unknown)
                {
                    return candidate;
                }

                error = $"'{raw}' is not an http(s) URL, e.g. https://shop.example.com/health.";
                return null;

            case ChatTargetKind.HostAndPort:
                if (!raw.Contains("://", StringComparison.Ordinal)
                    && Uri.TryCreate("tcp://" + raw, UriKind.Absolute, out var server)
                    && server.PathAndQuery == "/" && string.IsNullOrEmpty(server.UserInfo)
                    && HostKind(server) != UriHostNameType.Unknown)
                {
                    return raw;
                }

                error = $"'{raw}' is not a host name or IP address with an optional port, e.g. db.example.com:5432.";
                return null;

            default:
                var domain = raw.TrimEnd('.');
                if (Uri.CheckHostName(domain) == UriHostNameType.Dns && domain.Contains('.', StringComparison.Ordinal))
                {
                    return domain;
                }

                error = $"'{raw}' is not a domain name, e.g. example.com.";
                return null;
        }
    }

    // Uri.IdnHost throws UriFormatException for hosts IDNA refuses (U+FFFD, some symbols) although TryCreate accepted them.
    private static UriHostNameType HostKind(Uri uri)
    {
        try
        {
            return Uri.CheckHostName(uri.IdnHost);
        }
        catch (UriFormatException)
        {
            return UriHostNameType.Unknown;
        }
    }

    private static bool IsControlOrFormat(char c) => char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static bool TryParseCount(string token, out int count)
        => int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out count);

    private static string TargetWord(ChatTargetKind kind) => kind switch
    {
        ChatTargetKind.Url => "URL",
        ChatTargetKind.HostAndPort => "host[:port]",
        _ => "domain",
    };

    private static string TargetField(ChatTargetKind kind) => kind switch
    {
        ChatTargetKind.Url => "url",
        ChatTargetKind.HostAndPort => "server",
        _ => "domain",
    };

    private static ChatParseResult.Invalid Invalid(string error) => new(error);

    private static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            tokens.Add(UnescapeSlack(token));
        }

        return tokens;
    }

    /// <summary>
    /// Slack sends links as <c>&lt;https://x&gt;</c>, or <c>&lt;http://example.com|example.com&gt;</c> when it auto-linked
    /// what the user typed (then the label is the user's text), and escapes &amp;, &lt;, &gt;.
    /// </summary>
    private static string UnescapeSlack(string token)
    {
        if (token.Length > 2 && token[0] == '<' && token[^1] == '>')
        {
            var inner = token[1..^1];
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            token = bar >= 0 ? inner[(bar + 1)..] : inner;
        }

        return WebUtility.HtmlDecode(token);
    }
}
