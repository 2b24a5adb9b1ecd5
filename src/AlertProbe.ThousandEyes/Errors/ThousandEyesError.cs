namespace AlertProbe.ThousandEyes.Errors;

/// <summary>
/// An expected failure of a ThousandEyes call, as a value. Match on the derived records
/// (<see cref="ValidationFailedError"/>, <see cref="RateLimitedError"/>, <see cref="UnauthorizedError"/>,
/// <see cref="ForbiddenError"/>, <see cref="NotFoundError"/>, <see cref="BadRequestError"/>,
/// <see cref="TransientError"/>, <see cref="CredentialsUnavailableError"/>, <see cref="UnexpectedResponseError"/>).
/// Messages never carry credentials.
/// </summary>
public abstract record ThousandEyesError
{
    private protected ThousandEyesError()
    {
    }

    /// <summary>A sentence for logs, dead-letter descriptions and chat replies.</summary>
    public abstract string Message { get; }
}
