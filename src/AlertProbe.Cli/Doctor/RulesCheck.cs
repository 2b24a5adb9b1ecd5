using AlertProbe.Core.Rules;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Cli.Doctor;

/// <summary>The rules file the app would load is valid (the rules library's own validation, one call).</summary>
internal static class RulesCheck
{
    public const string Name = "rules";

    public static DoctorResult Run(IConfiguration settings, CliContext context)
    {
        var configured = settings[$"{RulesOptions.SectionName}:{nameof(RulesOptions.Path)}"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DoctorResult.Pass(Name, "Rules__Path is not set: the built-in rules apply.");
        }

        var path = context.ResolvePath(configured);
        if (!File.Exists(path))
        {
            return DoctorResult.Fail(Name, $"rules file not found: {configured}.", "Set Rules__Path to the rules YAML (in Azure: rules/alertprobe.rules.yaml, packaged with the app).");
        }

        var loaded = RuleSetLoader.LoadFile(path);
        return loaded.IsSuccess
            ? DoctorResult.Pass(Name, $"{configured}: {loaded.RuleSet!.Rules.Count} rule(s) valid.")
            : DoctorResult.Fail(Name, $"{configured}: {string.Join("; ", loaded.Errors.Take(3))}{(loaded.Errors.Count > 3 ? $" (and {loaded.Errors.Count - 3} more)" : "")}", "Fix the rules file (docs/rules.md); `alertprobe rules test` checks it against fixtures.");
    }
}
