using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.ThousandEyes.Errors;

/// <summary>The request was refused before any HTTP call; every problem is listed.</summary>
public sealed record ValidationFailedError(IReadOnlyList<ValidationProblem> Problems) : ThousandEyesError
{
    public override string Message => $"The request is not valid: {string.Join("; ", Problems)}";
}
