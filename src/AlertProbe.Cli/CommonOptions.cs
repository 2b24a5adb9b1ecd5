using System.CommandLine;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Rules;

namespace AlertProbe.Cli;

/// <summary>Options several commands share, spelled and described the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string?> Rules() => new("--rules")
    {
        Description = "Rules YAML file (default: Rules__Path from the environment, else the built-in default rules).",
        HelpName = "FILE",
    };

    public static Option<string?> ApiVersion()
    {
        var option = new Option<string?>("--api-version")
        {
            Description = "ThousandEyes API version to build requests for (default: ThousandEyes__ApiVersion, else v7).",
            HelpName = "v6|v7",
        };
        option.AcceptOnlyFromAmong("v6", "v7");
        return option;
    }

    public static Option<string?> Source()
    {
        var option = new Option<string?>("--source")
        {
            Description = "Force a payload format instead of detecting it (the 'source' message property).",
            HelpName = "HINT",
        };
        option.AcceptOnlyFromAmong(["auto", .. AlertPayloadParser.KnownSourceHints.Order(StringComparer.Ordinal)]);
        return option;
    }

    public static Option<bool> Json(string description) => new("--json") { Description = description };

    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Also show AlertProbe's information logs and the libraries' warnings (retries, HTTP, Azure SDK) on standard error; without it only AlertProbe's warnings and errors are.",
    };

    /// <summary>A duration option: <c>20s</c>, <c>2m</c>, <c>1h30m</c>, <c>500ms</c> or ISO 8601 (<c>PT20S</c>).</summary>
    public static Option<TimeSpan> Duration(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (RuleDuration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
            {
                return duration;
            }

            result.AddError($"{name}: '{text}' is not a duration (e.g. 20s, 2m, 1h30m, PT20S).");
            return defaultValue;
        },
    };
}
