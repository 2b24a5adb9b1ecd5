namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>One bound setting as an app setting name; a prefix for lists and dictionaries (followed by an index or a name).</summary>
internal sealed record BoundSetting(string Key, bool IsPrefix)
{
    /// <summary>True when <paramref name="text"/> names this setting, as a whole key or, for a prefix, with an index or name after it.</summary>
    public bool IsNamedIn(string text) => IsPrefix
        ? text.Contains(Key + "__", StringComparison.Ordinal)
        : System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\w]){System.Text.RegularExpressions.Regex.Escape(Key)}(?![\w])");
}
