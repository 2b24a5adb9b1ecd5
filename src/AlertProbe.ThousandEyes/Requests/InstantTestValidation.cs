namespace AlertProbe.ThousandEyes.Requests;

/// <summary>The outcome of validating an <see cref="InstantTestRequest"/> for one API version.</summary>
public sealed record InstantTestValidation
{
    public required ThousandEyesApiVersion ApiVersion { get; init; }

    /// <summary>Every problem found (not just the first); empty when the request can be sent.</summary>
    public required IReadOnlyList<ValidationProblem> Problems { get; init; }

    /// <summary>Fields the instant API ignores (interval, alertRules, …): not sent, reported back. Not an error.</summary>
    public required IReadOnlyList<string> DroppedFields { get; init; }

    public bool IsValid => Problems.Count == 0;
}
