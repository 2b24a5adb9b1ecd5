using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AlertProbe.Simulator.Api;

/// <summary>
/// Answers 405 (with <c>Allow</c>) for a known path called with another method, as the real API does, instead of
/// letting the catch-all 404 claim it. Route precedence keeps literal paths (<c>…/run</c>, <c>…/instant</c>) ahead.
/// </summary>
internal static class MethodNotAllowedEndpoints
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Call after every real endpoint is mapped.</summary>
    public static void MapMethodNotAllowed(this IEndpointRouteBuilder app)
    {
        var routes = app.DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is not null)
            .GroupBy(endpoint => endpoint.RoutePattern.RawText!, StringComparer.Ordinal)
            .Select(group => (Pattern: group.Key, Allowed: group
                .SelectMany(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray()))
            .Where(route => route.Allowed.Length > 0)
            .ToList();
        foreach (var (pattern, allowed) in routes)
        {
            var allow = string.Join(", ", allowed);
            var others = Methods.Except(allowed, StringComparer.OrdinalIgnoreCase).ToArray();
            app.MapMethods(pattern, others, (HttpContext context) =>
            {
                context.Response.Headers.Allow = allow;
                return ApiErrors.Result(StatusCodes.Status405MethodNotAllowed,
                    $"{context.Request.Method} is not allowed on {context.Request.Path}; use {allow}.");
            });
        }
    }
}
