namespace AlertProbe.ThousandEyes.Errors;

/// <summary>A response the client cannot use: an unreadable success body or a status outside the API's contract.</summary>
public sealed record UnexpectedResponseError(int StatusCode, string Reason) : ThousandEyesError
{
    public override string Message => $"Unexpected ThousandEyes response ({StatusCode}): {Reason}";
}
