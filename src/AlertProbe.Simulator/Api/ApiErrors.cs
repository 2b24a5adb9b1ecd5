using System.Text.Json;
using AlertProbe.Simulator.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AlertProbe.Simulator.Api;

/// <summary>
/// Error answers in each version's shape: v6 <c>{"errorMessage"}</c>; v7 <c>application/problem+json</c>, except 401,
/// which v7 answers OAuth-style <c>{"error", "error_description"}</c> (schema *_API_UnauthorizedError).
/// </summary>
internal static class ApiErrors
{
    public static IResult Result(int status, string detail, IReadOnlyList<FieldErrorBody>? errors = null) =>
        new ApiErrorResult(status, detail, errors);

    public static IResult BadRequest(IReadOnlyList<FieldErrorBody> errors) =>
        Result(StatusCodes.Status400BadRequest, "The request is invalid. " + string.Join(" ", errors.Select(error => error.Message)), errors);

    public static IResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, detail);

    public static Task NotFoundFallback(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status404NotFound, $"No resource at {context.Request.Path}.");

    public static Task WriteAsync(HttpContext context, int status, string detail, IReadOnlyList<FieldErrorBody>? errors = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        if (ApiVersions.FromPath(context.Request.Path.Value ?? "/") == ApiVersion.V6)
        {
            response.ContentType = "application/json";
            return response.WriteAsync(JsonSerializer.Serialize(new V6ErrorBody(detail), SimulatorJsonContext.Default.V6ErrorBody), context.RequestAborted);
        }

        if (status == StatusCodes.Status401Unauthorized)
        {
            // v7 answers 401 OAuth-style, not as problem details (UnauthorizedError: error, error_description).
            response.ContentType = "application/json";
            var oauth = new System.Text.Json.Nodes.JsonObject { ["error"] = "invalid_token", ["error_description"] = detail };
            return response.WriteAsync(oauth.ToJsonString(), context.RequestAborted);
        }

        var problem = new ProblemBody(
            Type: $"https://api.thousandeyes.com/errors/{status}",
            Title: ReasonPhrases.GetReasonPhrase(status),
            Status: status,
            Detail: detail,
            Instance: context.Request.Path.Value ?? "/",
            Errors: errors);
        response.ContentType = "application/problem+json";
        return response.WriteAsync(JsonSerializer.Serialize(problem, SimulatorJsonContext.Default.ProblemBody), context.RequestAborted);
    }

    private sealed class ApiErrorResult(int status, string detail, IReadOnlyList<FieldErrorBody>? errors) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, detail, errors);
    }
}
