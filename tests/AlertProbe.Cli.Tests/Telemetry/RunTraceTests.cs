using System.Diagnostics;
using AlertProbe.Core.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace AlertProbe.Cli.Tests.Telemetry;

/// <summary>
/// The Done-when of issue 10: an alert run through the CLI host (the Functions' handlers in-process, the embedded
/// simulator) is ONE trace, collected with the OpenTelemetry in-memory exporter, whose spans cover ingress, intake,
/// each plan's create, publish, collect (with its scheduled re-checks) and reply.
/// </summary>
[Collection(TelemetryListeners.Name)]
public sealed class RunTraceTests
{
    [Fact]
    public async Task One_alert_is_one_trace_from_ingress_through_intake_create_publish_collect_and_reply()
    {
        await using var receiver = await VerdictReceiver.StartAsync();
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(AlertProbeTelemetry.Name).AddInMemoryExporter(spans).Build())
        {
            var result = await CliInvocation.RunAsync(WebhookReply(receiver), "run", "samples/alerts/grafana.json", "--rules", "samples/rules.yaml", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            tracing.ForceFlush();
        }

        var ingress = Assert.Single(spans, span => span.DisplayName == SpanNames.Ingress);
        var trace = spans.Where(span => span.TraceId == ingress.TraceId).ToList();
        Assert.True(trace.Count == spans.Count, $"spans outside the alert's trace: {Describe(spans.Except(trace))}");

        var names = trace.Select(span => span.DisplayName).ToList();
        Assert.Contains(SpanNames.Intake, names);
        Assert.Equal(2, names.Count(name => name == SpanNames.Create)); // grafana.json: one alert, two rules' plans
        Assert.Contains("publish alerts", names);
        Assert.Contains("publish instant-tests", names);
        Assert.Contains("publish test-results", names);
        Assert.Contains(SpanNames.Collect, names);
        Assert.Contains(SpanNames.Reply, names);

        // Results appear after a delay in the simulator: collection re-checks through scheduled copies, and each copy's
        // handling still joins the alert's trace as a child of the span that scheduled it.
        var scheduled = trace.Where(span => span.DisplayName == "schedule instant-tests").ToList();
        Assert.NotEmpty(scheduled);
        Assert.Contains(trace, span => span.DisplayName == SpanNames.Collect && scheduled.Any(s => s.SpanId == span.ParentSpanId));

        // One root (the ingress); every other span's parent is a span of this trace.
        var ids = trace.Select(span => span.SpanId).ToHashSet();
        Assert.All(trace.Where(span => span != ingress), span => Assert.True(ids.Contains(span.ParentSpanId), $"{span.DisplayName} has a parent outside the trace"));
        Assert.Equal(default, ingress.ParentSpanId);

        // The verdict reached the webhook, and the consumer spans say how their messages were settled.
        Assert.NotEmpty(receiver.Requests);
        Assert.All(trace.Where(span => span.DisplayName == SpanNames.Intake), span => Assert.Equal("completed", span.GetTagItem(SpanTags.Outcome)));
        Assert.Contains(trace, span => span.DisplayName == SpanNames.Reply && (string?)span.GetTagItem(SpanTags.ReplyStatus) == "delivered");
    }

    [Fact]
    public async Task Two_payloads_are_two_traces()
    {
        var spans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource(AlertProbeTelemetry.Name).AddInMemoryExporter(spans).Build())
        {
            var result = await CliInvocation.RunAsync(
                "run", "samples/alerts/grafana.json", "samples/alerts/azure-monitor.json", "--rules", "samples/rules.yaml", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            tracing.ForceFlush();
        }

        var roots = spans.Where(span => span.DisplayName == SpanNames.Ingress).ToList();
        Assert.Equal(2, roots.Select(root => root.TraceId).Distinct().Count());
        Assert.All(spans, span => Assert.Contains(roots, root => root.TraceId == span.TraceId));
        Assert.All(roots, root => Assert.Contains(spans, span => span.TraceId == root.TraceId && span.DisplayName == SpanNames.Collect));
    }

    internal static Dictionary<string, string?> WebhookReply(VerdictReceiver receiver) => new()
    {
        ["FollowUp__Delivery__DefaultKind"] = "Webhook",
        ["FollowUp__Delivery__DefaultUrl"] = receiver.Url.ToString(),
        ["ReplyPolicy__AllowHttp"] = "true",
        ["ReplyPolicy__AllowLoopback"] = "true",
    };

    private static string Describe(IEnumerable<Activity> spans) => string.Join(", ", spans.Select(span => $"{span.DisplayName} ({span.TraceId})"));
}
