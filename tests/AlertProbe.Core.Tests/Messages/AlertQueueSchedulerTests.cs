using AlertProbe.Core.Messages;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace AlertProbe.Core.Tests.Messages;

public sealed class AlertQueueSchedulerTests
{
    private static readonly DateTimeOffset ResetAt = new(2026, 3, 14, 9, 27, 0, TimeSpan.Zero);

    private static ServiceBusReceivedMessage Received(string messageId = "alert-msg-1", IDictionary<string, object>? properties = null) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{\"schemaVersion\":\"1\",\"alerts\":[]}"),
            messageId: messageId,
            correlationId: "corr-9",
            subject: "alert",
            contentType: "application/json",
            properties: properties ?? new Dictionary<string, object> { ["origin"] = "webhook" },
            deliveryCount: 1);

    [Fact]
    public async Task The_copy_is_scheduled_on_the_alerts_queue_for_the_given_instant()
    {
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.ScheduleMessageAsync(It.IsAny<ServiceBusMessage>(), ResetAt, It.IsAny<CancellationToken>())).ReturnsAsync(42L);
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender("alerts-q")).Returns(sender.Object);
        var scheduler = new AlertQueueScheduler(client.Object, Options.Create(new MessagingOptions { AlertsQueueName = "alerts-q" }), NullLogger<AlertQueueScheduler>.Instance);

        var scheduled = await scheduler.ScheduleAsync(Received(), ResetAt, "RateLimited", CancellationToken.None);

        Assert.Equal(new ScheduledAlert("alert-msg-1:r1", 42L, ResetAt, 1), scheduled);
    }

    [Fact]
    public void The_copy_keeps_body_content_type_correlation_id_and_subject()
    {
        var received = Received();

        var copy = AlertQueueScheduler.CreateRescheduledCopy(received, "RateLimited");

        Assert.Equal(
            (received.Body.ToString(), "application/json", "corr-9", "alert"),
            (copy.Body.ToString(), copy.ContentType, copy.CorrelationId, copy.Subject));
    }

    [Fact]
    public void The_copy_keeps_application_properties_and_adds_the_reschedule_ones()
    {
        var copy = AlertQueueScheduler.CreateRescheduledCopy(Received(), "RateLimited");

        var expected = new Dictionary<string, object>
        {
            ["origin"] = "webhook",
            ["originalMessageId"] = "alert-msg-1",
            ["rescheduleCount"] = 1,
            ["rescheduleReason"] = "RateLimited",
        };
        Assert.Equal(expected, copy.ApplicationProperties.ToDictionary());
    }

    [Fact]
    public void Rescheduling_a_copy_counts_up_and_keeps_the_original_id()
    {
        var first = AlertQueueScheduler.CreateRescheduledCopy(Received(), "RateLimited");
        var firstReceived = Received(first.MessageId, first.ApplicationProperties);

        var second = AlertQueueScheduler.CreateRescheduledCopy(firstReceived, "RateLimited");

        Assert.Equal(
            ("alert-msg-1:r2", 2, "alert-msg-1"),
            (second.MessageId, second.ApplicationProperties["rescheduleCount"], AlertQueueScheduler.OriginalMessageIdOf(firstReceived)));
    }

    [Fact]
    public void Rescheduling_the_same_delivery_twice_yields_the_same_message_id()
    {
        var received = Received();

        var a = AlertQueueScheduler.CreateRescheduledCopy(received, "RateLimited");
        var b = AlertQueueScheduler.CreateRescheduledCopy(received, "RateLimited");

        Assert.Equal(a.MessageId, b.MessageId);
    }

    [Fact]
    public void A_long_original_id_is_digested_to_fit_service_bus_limits()
    {
        var copy = AlertQueueScheduler.CreateRescheduledCopy(Received(new string('x', 128)), "RateLimited");

        Assert.Matches("^[0-9a-f]{64}:r1$", copy.MessageId);
    }

    [Fact]
    public void An_original_message_is_its_own_original()
    {
        Assert.Equal("alert-msg-1", AlertQueueScheduler.OriginalMessageIdOf(Received()));
    }
}
