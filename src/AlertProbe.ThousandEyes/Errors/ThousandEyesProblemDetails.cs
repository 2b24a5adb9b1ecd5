namespace AlertProbe.ThousandEyes.Errors;

/// <summary>A v7 <c>application/problem+json</c> body.</summary>
public sealed record ThousandEyesProblemDetails
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    public IReadOnlyList<ProblemFieldError> Errors { get; init; } = [];
}
