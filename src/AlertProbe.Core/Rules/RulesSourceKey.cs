namespace AlertProbe.Core.Rules;

/// <summary>Which document a <see cref="RulesOptions"/> names, as a comparable key ("default", "file:…").</summary>
internal static class RulesSourceKey
{
    public static string Of(RulesOptions options) =>
        string.IsNullOrWhiteSpace(options.Path) ? "default" : "file:" + options.Path;
}
