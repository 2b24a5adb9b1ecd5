using AlertProbe.Core.Ingress;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Ingress;

/// <summary>
/// <c>POST /api/alerts/{source?}</c>: monitoring alert webhooks (Azure Monitor action groups, Alertmanager, Grafana,
/// PagerDuty, ServiceNow, CloudEvents, manual requests). The function key in the URL authenticates every caller;
/// PagerDuty and Grafana signatures are checked as well when their secrets are configured. Answers 202 once queued.
/// </summary>
public sealed class AlertWebhook(AlertWebhookHandler handler, IOptions<IngressOptions> options)
{
    [Function(nameof(AlertWebhook))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "alerts/{source?}")] HttpRequest request,
        string? source,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inbound = await InboundRequestReader.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (inbound is null)
        {
            return IngressHttpResults.From(IngressResult.Refused.Because(IngressRefusal.BodyTooLarge), request.HttpContext.Response);
        }

        var result = await handler.HandleAsync(source, inbound, cancellationToken).ConfigureAwait(false);
        return IngressHttpResults.From(result, request.HttpContext.Response);
    }
}
