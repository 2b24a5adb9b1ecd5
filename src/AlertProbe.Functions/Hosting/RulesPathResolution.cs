using AlertProbe.Core.Rules;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Functions.Hosting;

/// <summary>
/// Makes a relative <c>Rules:Path</c> name a file in the app's own folder, where the build packages the rules
/// (rules/alertprobe.rules.yaml). Relative paths otherwise resolve against the process's current directory,
/// which the Functions host chooses and this app cannot rely on.
/// </summary>
public static class RulesPathResolution
{
    private static readonly string Key = $"{RulesOptions.SectionName}:{nameof(RulesOptions.Path)}";

    /// <summary>The path the app will read, or null when no rules file is configured (the built-in rules apply).</summary>
    public static string? Resolve(string? configuredPath, string appDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(appDirectory);
        if (string.IsNullOrWhiteSpace(configuredPath))
        {
            return null;
        }

        return Path.IsPathRooted(configuredPath) ? configuredPath : Path.GetFullPath(configuredPath, appDirectory);
    }

    /// <summary>Overrides a relative <c>Rules:Path</c> with the absolute path under <paramref name="appDirectory"/>.</summary>
    public static IConfigurationManager ResolveRulesPathAgainst(this IConfigurationManager configuration, string appDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Key];
        var resolved = Resolve(configured, appDirectory);
        if (resolved is not null && resolved != configured)
        {
            configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(Key, resolved)]);
        }

        return configuration;
    }
}
