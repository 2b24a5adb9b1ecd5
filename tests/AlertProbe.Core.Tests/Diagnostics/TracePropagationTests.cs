using System.Diagnostics;
using AlertProbe.Core.Diagnostics;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Messages;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertProbe.Core.Tests.Diagnostics;

/// <summary>
/// W3C trace context in Service Bus application properties: every message sent or scheduled through the app's client
/// carries the sending span's <c>traceparent</c>, and the span that handles a received message is that span's child.
/// </summary>
public sealed class TracePropagationTests
{
    private static ServiceProvider InMemoryMessaging()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Messaging:Transport"] = "InMemory" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAlertProbeMessaging(configuration);
        services.AddAlertProbeTelemetry();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_published_message_carries_the_traceparent_of_its_publish_span()
    {
        using var recorder = new SpanRecorder();
        await using var provider = InMemoryMessaging();

        await provider.GetRequiredService<InstantTestPublisher>().PublishCreatedAsync(MessageSamples.Created(), CancellationToken.None);

        var sent = Assert.Single(provider.GetRequiredService<InMemoryMessageBus>().Pending("instant-tests")).Message;
        var publish = Assert.Single(recorder.Spans(recorder.Root.TraceId), span => span.DisplayName == "publish instant-tests");
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal(publish.Id, sent.ApplicationProperties[MessageProperties.TraceParent]);
        Assert.Equal(recorder.Root.SpanId, publish.ParentSpanId);
    }

    [Fact]
    public void Handling_a_message_continues_the_trace_it_carries_and_links_the_current_span()
    {
        using var recorder = new SpanRecorder();
        var sender = ActivityTraceId.CreateRandom();
        var senderSpan = ActivitySpanId.CreateRandom();
        var received = Received(new Dictionary<string, object>
        {
            [MessageProperties.TraceParent] = $"00-{sender}-{senderSpan}-01",
            [MessageProperties.TraceState] = "vendor=1",
        });

        using (var scope = MessageProcessingScope.Start(SpanNames.Collect, "instant-tests/subscriptions/collect", received))
        {
            scope.Settled("collect", new IntakeOutcome.Completed("done"));
        }

        var collect = Assert.Single(recorder.Spans(sender));
        Assert.Equal(SpanNames.Collect, collect.DisplayName);
        Assert.Equal(ActivityKind.Consumer, collect.Kind);
        Assert.Equal(senderSpan, collect.ParentSpanId);
        Assert.Equal("vendor=1", collect.TraceStateString);
        Assert.Contains(collect.Links, link => link.Context.SpanId == recorder.Root.SpanId);
        Assert.Equal("completed", collect.GetTagItem(SpanTags.Outcome));
    }

    [Fact]
    public async Task A_rescheduled_copy_carries_the_alerts_trace_and_when_the_alert_arrived()
    {
        using var recorder = new SpanRecorder();
        await using var provider = InMemoryMessaging();
        var alertTrace = ActivityTraceId.CreateRandom();
        var enqueued = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var received = Received(
            new Dictionary<string, object> { [MessageProperties.TraceParent] = $"00-{alertTrace}-{ActivitySpanId.CreateRandom()}-01" },
            enqueuedTime: enqueued);

        using (MessageProcessingScope.Start(SpanNames.Intake, "alerts", received))
        {
            // Copies keep the original's properties (its old traceparent too): the sender must write the current span's.
            await provider.GetRequiredService<AlertQueueScheduler>().ScheduleAsync(received, enqueued.AddMinutes(1), "RateLimited", CancellationToken.None);
        }

        var copy = Assert.Single(provider.GetRequiredService<InMemoryMessageBus>().Pending("alerts")).Message;
        var schedule = Assert.Single(recorder.Spans(alertTrace), span => span.DisplayName == "schedule alerts");
        var intake = Assert.Single(recorder.Spans(alertTrace), span => span.DisplayName == SpanNames.Intake);
        Assert.Equal(schedule.Id, copy.ApplicationProperties[MessageProperties.TraceParent]);
        Assert.Equal(intake.SpanId, schedule.ParentSpanId);
        Assert.Equal(enqueued, copy.ApplicationProperties[MessageProperties.AlertReceivedAt]);
    }

    [Fact]
    public void A_message_without_trace_context_starts_under_the_current_span()
    {
        using var recorder = new SpanRecorder();

        using (MessageProcessingScope.Start(SpanNames.Intake, "alerts", Received(new Dictionary<string, object>())))
        {
        }

        var intake = Assert.Single(recorder.Spans(recorder.Root.TraceId));
        Assert.Equal(recorder.Root.SpanId, intake.ParentSpanId);
        Assert.Empty(intake.Links);
    }

    [Theory]
    [InlineData("not-a-traceparent")]
    [InlineData("00-00000000000000000000000000000000-0000000000000000-01")]
    public void An_unreadable_traceparent_is_ignored(string traceParent)
    {
        Assert.False(MessageTraceContext.TryExtract(new Dictionary<string, object> { [MessageProperties.TraceParent] = traceParent }, out _));
    }

    [Fact]
    public void A_dead_lettered_message_ends_its_span_in_error_and_is_counted_by_reason()
    {
        using var recorder = new SpanRecorder();
        var reason = $"TestReason{Guid.NewGuid():N}";
        using var deadLetters = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.DeadLetters);

        using (var scope = MessageProcessingScope.Start(SpanNames.Intake, "alerts", Received(new Dictionary<string, object>())))
        {
            scope.Settled("intake", new IntakeOutcome.DeadLettered(reason, "bad input"));
        }

        var intake = Assert.Single(recorder.Spans(recorder.Root.TraceId));
        Assert.Equal(ActivityStatusCode.Error, intake.Status);
        var counted = Assert.Single(deadLetters.GetMeasurementSnapshot(), m => (string?)m.Tags[MetricTags.Reason] == reason);
        Assert.Equal("intake", counted.Tags[MetricTags.Function]);
    }

    private static ServiceBusReceivedMessage Received(IDictionary<string, object> properties, DateTimeOffset enqueuedTime = default) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{}"),
            messageId: "m-1",
            correlationId: "c-1",
            properties: properties,
            enqueuedTime: enqueuedTime);
}
