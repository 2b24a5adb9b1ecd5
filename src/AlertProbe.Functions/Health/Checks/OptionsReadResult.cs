namespace AlertProbe.Functions.Health.Checks;

/// <summary>Bound and validated options, or the reasons they are not (setting names, never values).</summary>
internal sealed record OptionsReadResult<TOptions>(TOptions? Value, IReadOnlyList<string> Failures)
    where TOptions : class
{
    public bool IsValid => Value is not null;
}
