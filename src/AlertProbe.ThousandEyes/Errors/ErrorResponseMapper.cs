using System.Net;
using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes.Http;

namespace AlertProbe.ThousandEyes.Errors;

/// <summary>Turns a non-success, non-429 response into a typed error.</summary>
internal static class ErrorResponseMapper
{
    private const int MaxDetailLength = 500;

    public static ThousandEyesError Map(
        HttpStatusCode statusCode,
        string body,
        ThousandEyesOperation operation,
        ThousandEyesApiVersion version,
        string? accountGroupId,
        string path)
    {
        var status = (int)statusCode;
        // Upstream bodies are untrusted text: a proxy or a misbehaving server may echo the Authorization header.
        body = SecretRedactor.Redact(body) ?? string.Empty;
        var json = JsonNodeReader.TryParse(body);
        var problem = ProblemDetails(json);
        var detail = problem?.Detail ?? problem?.Title ?? OAuthMessage(json) ?? V6Message(json) ?? RawText(json, body);

        return status switch
        {
            401 => new UnauthorizedError(detail ?? "the token was rejected (expired, revoked or for another region)"),
            403 => new ForbiddenError(ForbiddenHint(operation, version, accountGroupId), detail),
            404 => new NotFoundError(path, detail),
            >= 500 => new TransientError(
                $"status {status}{(detail is null ? string.Empty : $": {detail}")}",
                status,
                RequestMayHaveSucceeded: (operation == ThousandEyesOperation.CreateInstantTest && status is not (502 or 503)) || operation == ThousandEyesOperation.CreateSnapshot),
            >= 400 => new BadRequestError(status, problem, problem is null ? V6Message(json) ?? RawText(json, body) : null),
            _ => new UnexpectedResponseError(status, "status outside the API's contract"),
        };
    }

    /// <summary>
    /// The permission a 403 probably lacks, as each version's docs name it: v6 (Instant Tests page) a Regular user, or
    /// the 'API Access' and 'View tests' permissions; v7 docs name the Account Admin role for instant tests.
    /// </summary>
    internal static string ForbiddenHint(ThousandEyesOperation operation, ThousandEyesApiVersion version, string? accountGroupId)
    {
        var aid = accountGroupId is null ? string.Empty : $" Or the user is not assigned to account group (aid) {accountGroupId}.";
        return operation switch
        {
            ThousandEyesOperation.CreateInstantTest or ThousandEyesOperation.Rerun when version == ThousandEyesApiVersion.V7 =>
                "Instant tests on API v7 need the Account Admin role (the v6 docs asked for a Regular user, or the 'API Access' and 'View tests' permissions); instant tests are refused on the Sandbox API account." + aid,
            ThousandEyesOperation.CreateInstantTest or ThousandEyesOperation.Rerun =>
                "The user is probably neither a Regular user nor has the 'API Access' and 'View tests' permissions (v6 Instant Tests docs); instant tests are refused on the Sandbox API account." + aid,
            _ => "The user probably lacks the 'API Access' and 'View tests' permissions (or 'View agents' for the agent list)." + aid,
        };
    }

    // Read field by field rather than deserialise: the published specs disagree on types (one SDK types
    // errors[].field as an integer, status may arrive as a string), and one odd member must not lose the rest.
    private static ThousandEyesProblemDetails? ProblemDetails(JsonNode? json)
    {
        if (json is not JsonObject obj || !(obj.ContainsKey("title") || obj.ContainsKey("type") || obj.ContainsKey("errors")))
        {
            return null;
        }

        return new ThousandEyesProblemDetails
        {
            Type = JsonNodeReader.AsString(obj["type"]),
            Title = Truncate(JsonNodeReader.AsString(obj["title"])),
            Status = JsonNodeReader.AsLong(obj["status"]) is { } status and >= 100 and <= 599 ? (int)status : null,
            Detail = Truncate(JsonNodeReader.AsString(obj["detail"])),
            Instance = JsonNodeReader.AsString(obj["instance"]),
            Errors = [.. (obj["errors"] as JsonArray ?? []).Select(FieldError).OfType<ProblemFieldError>()],
        };
    }

    private static ProblemFieldError? FieldError(JsonNode? error) => error switch
    {
        JsonObject item => new ProblemFieldError
        {
            Code = JsonNodeReader.AsString(item["code"]),
            Field = JsonNodeReader.AsString(item["field"]),
            Message = Truncate(JsonNodeReader.AsString(item["message"]) ?? JsonNodeReader.AsString(item["detail"])),
        },
        JsonValue => JsonNodeReader.AsString(error) is { Length: > 0 } text ? new ProblemFieldError { Message = Truncate(text) } : null,
        _ => null,
    };

    // OAuth-style 401 bodies (v7 "UnauthorizedError"): {"error": "invalid_token", "error_description": "..."}.
    private static string? OAuthMessage(JsonNode? json) =>
        Truncate(JsonNodeReader.AsString(json?["error_description"]));

    // v6 error bodies carry {"errorMessage": "..."} (some proxies answer {"message": "..."}).
    private static string? V6Message(JsonNode? json) =>
        Truncate(JsonNodeReader.AsString(json?["errorMessage"]) ?? JsonNodeReader.AsString(json?["message"]) ?? JsonNodeReader.AsString(json?["error"]));

    private static string? RawText(JsonNode? json, string body) =>
        json is null && !string.IsNullOrWhiteSpace(body) ? Truncate(body.Trim()) : null;

    private static string? Truncate(string? text) =>
        text is { Length: > MaxDetailLength } ? text[..MaxDetailLength] + "…" : text;
}
