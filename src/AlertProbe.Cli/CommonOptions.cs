using System.CommandLine;
using AlertProbe.Core.Alerts;

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
        Description = "Show the handlers' information logs on standard error (warnings and errors are always shown).",
    };
}
