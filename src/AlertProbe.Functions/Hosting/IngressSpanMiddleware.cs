using System.Diagnostics;
using AlertProbe.Core.Diagnostics;
using AlertProbe.Functions.Ingress;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace AlertProbe.Functions.Hosting;

/// <summary>
/// Opens the <c>ingress</c> span around the HTTP functions that queue alerts (webhooks, Slack, Teams), so the message
/// they drop on the <c>alerts</c> queue carries its context and the intake joins the same trace. A middleware, not a
/// line in each function: the adapters stay as they are. The health endpoint is not ingress and gets no span.
/// </summary>
public sealed class IngressSpanMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>The functions whose invocations are ingress.</summary>
    public static readonly IReadOnlySet<string> IngressFunctions = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(AlertWebhook),
        nameof(SlackCommand),
        nameof(TeamsCommand),
    };

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!IngressFunctions.Contains(context.FunctionDefinition.Name))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        using var activity = AlertProbeTelemetry.Source.StartActivity(SpanNames.Ingress, ActivityKind.Server);
        activity?.SetTag("faas.name", context.FunctionDefinition.Name);
        activity?.SetTag("faas.invocation_id", context.InvocationId);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }
}
