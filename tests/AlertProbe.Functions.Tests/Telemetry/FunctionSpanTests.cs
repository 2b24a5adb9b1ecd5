using System.Collections.Concurrent;
using System.Diagnostics;
using AlertProbe.Core.Diagnostics;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Functions.Hosting;
using AlertProbe.Functions.Messaging;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace AlertProbe.Functions.Tests.Telemetry;

/// <summary>
/// Where the Functions app opens its spans: the settler around every Service Bus function (parented on the message's
/// trace context, the host's invocation span linked) and the ingress middleware around the HTTP functions that queue.
/// </summary>
public sealed class FunctionSpanTests : IDisposable
{
    private static readonly ActivitySource Host = new("AlertProbe.Functions.Tests.Host");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public FunctionSpanTests()
    {
        // Read before the listener exists: a static initialised lazily inside ShouldListenTo would miss the listener.
        var host = Host;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AlertProbeTelemetry.Name || source == host,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Theory]
    [InlineData("AlertIntake", "intake", "alerts")]
    [InlineData("CollectResults", "collect", "instant-tests/subscriptions/collect")]
    [InlineData("RerunTests", "rerun", "instant-tests/subscriptions/rerun")]
    public async Task Settler_runs_the_handler_in_a_span_that_continues_the_messages_trace(string function, string span, string entity)
    {
        var trace = ActivityTraceId.CreateRandom();
        var sender = ActivitySpanId.CreateRandom();
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{}"),
            messageId: "m-1",
            properties: new Dictionary<string, object> { [MessageProperties.TraceParent] = $"00-{trace}-{sender}-01" });
        var settler = new MessageSettler(NullLogger<MessageSettler>.Instance, Options.Create(new MessagingOptions()));
        string? currentInHandler = null;

        using (var invocation = Host.StartActivity("host invocation"))
        {
            await settler.RunAsync(function, message, new Mock<ServiceBusMessageActions>().Object, _ =>
            {
                currentInHandler = Activity.Current?.DisplayName;
                return Task.FromResult<IntakeOutcome>(new IntakeOutcome.Completed("ok"));
            }, CancellationToken.None);
        }

        var handled = Assert.Single(_stopped, activity => activity.TraceId == trace);
        Assert.Equal(span, handled.DisplayName);
        Assert.Equal(span, currentInHandler);
        Assert.Equal(sender, handled.ParentSpanId);
        Assert.Equal(entity, handled.GetTagItem(SpanTags.Destination));
        Assert.Single(handled.Links);
    }

    [Theory]
    [InlineData("AlertWebhook", true)]
    [InlineData("SlackCommand", true)]
    [InlineData("TeamsCommand", true)]
    [InlineData("Health", false)]
    public async Task Ingress_functions_run_in_an_ingress_span(string function, bool ingress)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(function);
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.InvocationId).Returns("invocation-1");
        string? current = null;

        using var invocation = Host.StartActivity("host invocation");
        await new IngressSpanMiddleware().Invoke(context.Object, _ =>
        {
            current = Activity.Current?.DisplayName;
            return Task.CompletedTask;
        });

        Assert.Equal(ingress ? SpanNames.Ingress : "host invocation", current);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/actions/T000/B000/secret-token", "https://hooks.slack.com/…")]
    [InlineData("https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t", "https://prod-01.westeurope.logic.azure.com/…")]
    [InlineData("http://127.0.0.1:5000/verdicts", "http://127.0.0.1:5000/…")]
    public void Reply_urls_on_http_spans_keep_only_scheme_host_and_port(string url, string recorded)
    {
        Assert.Equal(recorded, HttpSpanRedaction.HostOnly(new Uri(url)));
    }

    [Theory]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD", "11111111-2222-3333-4444-555555555555")]
    [InlineData("Authorization=AAD;ClientId=abc", "abc")]
    [InlineData("ClientId=abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Azure_monitor_export_uses_the_identity_the_authentication_string_names(string? setting, string? clientId)
    {
        Assert.Equal(clientId, HttpSpanRedaction.ManagedIdentityClientId(setting));
    }

    public void Dispose() => _listener.Dispose();
}
