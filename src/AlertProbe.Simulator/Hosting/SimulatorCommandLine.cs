using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace AlertProbe.Simulator.Hosting;

/// <summary>
/// The standalone simulator's arguments (<c>dotnet run --project src/AlertProbe.Simulator -- …</c>), spelled as
/// <c>alertprobe simulator</c> spells them: durations as <c>20s</c>, <c>2m</c>, <c>1h30m</c>, <c>500ms</c> or ISO 8601
/// (<c>PT20S</c>), <c>--help</c> prints this and starts nothing, an unknown option is named with the closest known one.
/// </summary>
public static partial class SimulatorCommandLine
{
    public const string Usage = """
        AlertProbe.Simulator: a ThousandEyes API simulator (v6 and v7) on 127.0.0.1, until Ctrl+C.

        Usage: dotnet run --project src/AlertProbe.Simulator -- [options]

        Options:
          --port N                      loopback port to listen on (default 5080; 0 picks a free one)
          --result-delay DURATION       how long after a run its results appear (default 20s; e.g. 20s, 2m, PT20S)
          --organization-rate-limit N   API calls per rolling minute per organisation (default 240)
          --instant-test-rate-limit N   instant-test creations and reruns per rolling minute (default 24)
          -h, --help                    show this and exit
        """;

    private static readonly string[] Options = ["--port", "--result-delay", "--organization-rate-limit", "--instant-test-rate-limit", "--help"];

    /// <summary>
    /// The options the arguments ask for (defaults: port 5080, the rest as <see cref="SimulatorOptions"/>); null when
    /// <paramref name="help"/> was asked for or with <paramref name="error"/> naming what is wrong.
    /// </summary>
    public static SimulatorOptions? Parse(IReadOnlyList<string> args, out bool help, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SimulatorOptions { Port = 5080 };
        help = false;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            if (name is "-h" or "--help" or "-?")
            {
                help = true;
                return null;
            }

            if (Array.IndexOf(Options, name) < 0)
            {
                error = $"unknown option '{name}'{Suggestion(name)}";
                return null;
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
            {
                error = $"{name} needs a value";
                return null;
            }

            switch (name)
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                    options.Port = port;
                    break;
                case "--result-delay" when TryParseDuration(value, out var delay) && delay > TimeSpan.Zero:
                    options.ResultDelay = delay;
                    break;
                case "--organization-rate-limit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0:
                    options.OrganizationRateLimitPerMinute = limit;
                    break;
                case "--instant-test-rate-limit" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0:
                    options.InstantTestRateLimitPerMinute = limit;
                    break;
                case "--result-delay":
                    error = $"--result-delay: '{value}' is not a duration (e.g. 20s, 2m, 1h30m, PT20S).";
                    return null;
                case "--port":
                    error = $"--port: '{value}' is not a port between 0 and 65535.";
                    return null;
                default:
                    error = $"{name}: '{value}' is not a positive whole number.";
                    return null;
            }
        }

        return options;
    }

    /// <summary>Go style (<c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>500ms</c>, <c>1d</c>) or ISO 8601 (<c>PT10M</c>): the CLI's duration syntax.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
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
                _ => TimeSpan.FromDays(amount),
            };
        }

        return true;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
        return equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    /// <summary>"; did you mean '--result-delay'?" when a known option is a prefix of the token or the other way round.</summary>
    private static string Suggestion(string token)
    {
        var known = Options.FirstOrDefault(o => token.StartsWith(o, StringComparison.OrdinalIgnoreCase) || (token.Length > 3 && o.StartsWith(token, StringComparison.OrdinalIgnoreCase)));
        return known is null ? string.Empty : $"; did you mean '{known}'?";
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ms|s|m|h|d))+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();
}
