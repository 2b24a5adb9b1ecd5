namespace AlertProbe.ThousandEyes.Errors;

/// <summary>A 5xx, timeout or connection failure, after the client's bounded retries.</summary>
/// <param name="Reason">What failed (status or failure kind).</param>
/// <param name="StatusCode">The last HTTP status, when a response arrived.</param>
/// <param name="RequestMayHaveSucceeded">
/// True when a create may have reached ThousandEyes (timeout after sending, 500): a blind retry could create a
/// second test, so callers should check their ledger or wait before creating again.
/// </param>
public sealed record TransientError(string Reason, int? StatusCode, bool RequestMayHaveSucceeded) : ThousandEyesError
{
    public override string Message => $"ThousandEyes call failed transiently: {Reason}";
}
