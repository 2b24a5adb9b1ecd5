namespace AlertProbe.ThousandEyes.Errors;

/// <summary>ThousandEyes refused the request itself (400, or another 4xx such as 405/406/415/422): don't retry.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Problem">The v7 problem details, when the body was one.</param>
/// <param name="Detail">The v6 error message (or the raw text of an unrecognised body), when there was one.</param>
public sealed record BadRequestError(int StatusCode, ThousandEyesProblemDetails? Problem, string? Detail) : ThousandEyesError
{
    public override string Message
    {
        get
        {
            var parts = new List<string>();
            if (Problem?.Title is { Length: > 0 } title)
            {
                parts.Add(title);
            }

            if (Problem?.Detail is { Length: > 0 } detail)
            {
                parts.Add(detail);
            }

            if (Problem is { Errors.Count: > 0 })
            {
                parts.Add(string.Join("; ", Problem.Errors));
            }

            if (Detail is { Length: > 0 })
            {
                parts.Add(Detail);
            }

            return $"ThousandEyes rejected the request ({StatusCode}){(parts.Count == 0 ? string.Empty : ": " + string.Join(": ", parts))}";
        }
    }
}
