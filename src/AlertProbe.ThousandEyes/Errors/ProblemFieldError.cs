namespace AlertProbe.ThousandEyes.Errors;

/// <summary>One entry of a v7 problem details <c>errors</c> list.</summary>
public sealed record ProblemFieldError
{
    public string? Code { get; init; }

    public string? Field { get; init; }

    public string? Message { get; init; }

    public override string ToString() => Field is null ? Message ?? Code ?? "error" : $"{Field}: {Message ?? Code}";
}
