using System.ComponentModel.DataAnnotations;

namespace AlertProbe.Core.Rules;

/// <summary>Where the rules come from (section <c>Rules</c>): a blob when <see cref="Blob"/> names one, else <see cref="Path"/>, else the built-in defaults.</summary>
public sealed class RulesOptions
{
    public const string SectionName = "Rules";

    /// <summary>Path of the rules YAML file (relative paths resolve against the current directory); unset uses the built-in default rules.</summary>
    public string? Path { get; set; }

    /// <summary>A rules file in a Blob container, read with the app's identity (or a connection string locally); wins over <see cref="Path"/>.</summary>
    public RulesBlobOptions Blob { get; set; } = new();

    /// <summary>How often the file or blob is checked for a new version (a validated new version replaces the rules); zero: never.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(1);
}
