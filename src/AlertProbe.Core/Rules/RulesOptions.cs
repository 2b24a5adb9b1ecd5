namespace AlertProbe.Core.Rules;

/// <summary>Where the rules come from (section <c>Rules</c>).</summary>
public sealed class RulesOptions
{
    public const string SectionName = "Rules";

    /// <summary>Path of the rules YAML file (relative paths resolve against the current directory); unset uses the built-in default rules.</summary>
    public string? Path { get; set; }
}
