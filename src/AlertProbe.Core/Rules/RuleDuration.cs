using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace AlertProbe.Core.Rules;

/// <summary>Durations in rules: Go style (<c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>500ms</c>, <c>1d</c>) or ISO 8601 (<c>PT10M</c>).</summary>
public static partial class RuleDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (text.StartsWith('P'))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return duration >= TimeSpan.Zero;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        var match = GoDuration().Match(text);
        if (!match.Success)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitStart = part.Value.IndexOfAny(['m', 's', 'h', 'd']);
            var amount = double.Parse(part.Value[..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            duration += part.Value[unitStart..] switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                _ => TimeSpan.Zero,
            };
        }

        return true;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ms|s|m|h|d))+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();
}
