using System.Globalization;
using System.Text.RegularExpressions;
using AlertProbe.Simulator.Catalog;
using Microsoft.AspNetCore.Http;

namespace AlertProbe.Simulator.Results;

/// <summary>
/// Reads <c>window</c> or an explicit range (v6 <c>from</c>/<c>to</c>, v7 <c>startDate</c>/<c>endDate</c>);
/// giving both a window and a range is an error, giving neither means the latest round.
/// </summary>
internal static partial class TimeRangeParser
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static bool TryParse(ApiVersion version, IQueryCollection query, DateTimeOffset now, out TimeRange range, out string error)
    {
        var (startName, endName) = version == ApiVersion.V6 ? ("from", "to") : ("startDate", "endDate");
        var window = query["window"].ToString();
        var start = query[startName].ToString();
        var end = query[endName].ToString();
        range = new TimeRange(null, now);
        error = "";

        if (window.Length > 0 && (start.Length > 0 || end.Length > 0))
        {
            error = $"Use either window or {startName}/{endName}, not both.";
            return false;
        }

        if (window.Length > 0)
        {
            var match = WindowPattern().Match(window);
            if (!match.Success)
            {
                error = "window must be a number followed by an optional unit s, m, h, d or w (e.g. 12h).";
                return false;
            }

            var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var length = match.Groups[2].Value switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                "d" => TimeSpan.FromDays(amount),
                "w" => TimeSpan.FromDays(amount * 7),
                _ => TimeSpan.FromSeconds(amount),
            };
            range = new TimeRange(now - length, now);
            return true;
        }

        if (start.Length == 0)
        {
            if (end.Length > 0)
            {
                error = $"{endName} needs {startName}.";
                return false;
            }

            return true;
        }

        if (!TryDate(start, out var from) || (end.Length > 0 && !TryDate(end, out _)))
        {
            error = $"{startName} and {endName} must be UTC date-times like 2025-01-31T13:45:00.";
            return false;
        }

        var to = now;
        if (end.Length > 0)
        {
            TryDate(end, out to);
        }

        range = new TimeRange(from, to);
        return true;
    }

    private static bool TryDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    [GeneratedRegex("^([0-9]+)([smhdw]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex WindowPattern();
}
