using System.Globalization;

namespace AlertProbe.Core.Ingress.Chat;

/// <summary>Durations as people type them in chat: <c>90s</c>, <c>5m</c>, <c>5min</c>, <c>1h</c>.</summary>
public static class ChatDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = default;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits > 6 || !int.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        switch (text[digits..].ToUpperInvariant())
        {
            case "S" or "SEC" or "SECS" or "SECOND" or "SECONDS":
                duration = TimeSpan.FromSeconds(amount);
                return true;
            case "M" or "MIN" or "MINS" or "MINUTE" or "MINUTES":
                duration = TimeSpan.FromMinutes(amount);
                return true;
            case "H" or "HOUR" or "HOURS":
                duration = TimeSpan.FromHours(amount);
                return true;
            default:
                return false;
        }
    }

    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalHours: >= 1 } when duration.TotalHours == Math.Floor(duration.TotalHours) => $"{duration.TotalHours.ToString(CultureInfo.InvariantCulture)}h",
        { TotalMinutes: >= 1 } when duration.TotalMinutes == Math.Floor(duration.TotalMinutes) => $"{duration.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m",
        _ => $"{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s",
    };
}
