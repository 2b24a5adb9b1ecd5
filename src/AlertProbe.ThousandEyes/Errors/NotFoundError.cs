namespace AlertProbe.ThousandEyes.Errors;

/// <summary>404: the test, result or endpoint does not exist (or is not visible in the account group).</summary>
public sealed record NotFoundError(string Path, string? Detail) : ThousandEyesError
{
    public override string Message => $"ThousandEyes has nothing at {Path} (404){(Detail is null ? string.Empty : $": {Detail}")}";
}
