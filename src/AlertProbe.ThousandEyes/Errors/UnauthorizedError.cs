namespace AlertProbe.ThousandEyes.Errors;

/// <summary>401 even after re-reading the credential once.</summary>
public sealed record UnauthorizedError(string Detail) : ThousandEyesError
{
    public override string Message => $"ThousandEyes rejected the credentials (401): {Detail}";
}
