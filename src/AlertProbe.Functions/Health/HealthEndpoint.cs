using System.Text.Json;
using Microsoft.AspNetCore.Http;
using AlertProbe.ThousandEyes.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlertProbe.Functions.Health;

/// <summary>
/// <c>GET /api/health</c>: configuration validity and which dependencies are configured; 200 when healthy or
/// degraded, 503 when unhealthy. Function-level key: the report names hosts (vault, namespace, storage) that
/// an anonymous caller has no need to learn; a probe sends the key in <c>x-functions-key</c>. It never
/// reports secret values: every configured secret setting is remembered by the one <see cref="SecretRedactor"/> (read
/// at each call, so a rotated secret is covered) and the report passes it.
/// </summary>
public sealed class HealthEndpoint(HealthCheckService healthChecks, IConfiguration configuration)
{
    [Function("Health")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        SecretRedactor.RememberSettings(configuration);
        var report = await healthChecks.CheckHealthAsync(cancellationToken).ConfigureAwait(false);

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new ContentResult
        {
            Content = JsonSerializer.Serialize(HealthReportResponse.From(report), HealthJsonContext.Default.HealthReportResponse),
            ContentType = "application/json; charset=utf-8",
            StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK,
        };
    }
}
