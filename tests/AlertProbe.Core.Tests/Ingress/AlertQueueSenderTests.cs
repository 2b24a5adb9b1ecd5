using AlertProbe.Core.Ingress;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Testing;
using Moq;

namespace AlertProbe.Core.Tests.Ingress;

public sealed class AlertQueueSenderTests
{
    private static readonly byte[] Body = """{"version":"4","status":"firing","alerts":[]}"""u8.ToArray();

    private static AlertQueueMessage Message(string? source = IngressSources.Alertmanager, string? origin = null) => new()
    {
        Body = Body,
        ContentType = "application/json; charset=utf-8",
        Source = source,
        Origin = origin,
        MessageId = "alertmanager:body-sha256:abc",
        CorrelationId = "trace-1",
    };

    [Fact]
    public async Task Sends_the_body_unchanged_with_id_correlation_content_type_and_source()
    {
        var sender = new Mock<ServiceBusSender>();
        ServiceBusMessage? sent = null;
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((message, _) => sent = message)
            .Returns(Task.CompletedTask);

        var outcome = await new AlertQueueSender(sender.Object, new FakeLogger<AlertQueueSender>()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(QueueSendOutcome.Sent, outcome);
        Assert.NotNull(sent);
        Assert.Equal(Body, sent.Body.ToArray());
        Assert.Equal(
            ("alertmanager:body-sha256:abc", "trace-1", "application/json; charset=utf-8"),
            (sent.MessageId, sent.CorrelationId, sent.ContentType));
        Assert.Equal(new Dictionary<string, object> { ["source"] = "alertmanager" }, sent.ApplicationProperties);
    }

    [Fact]
    public async Task Chat_messages_carry_their_origin_next_to_the_manual_source()
    {
        var sender = new Mock<ServiceBusSender>();
        ServiceBusMessage? sent = null;
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((message, _) => sent = message)
            .Returns(Task.CompletedTask);

        await new AlertQueueSender(sender.Object, new FakeLogger<AlertQueueSender>())
            .SendAsync(Message(IngressSources.Manual, IngressSources.Slack), CancellationToken.None);

        Assert.Equal(new Dictionary<string, object> { ["source"] = "manual", ["origin"] = "slack" }, sent!.ApplicationProperties);
    }

    [Fact]
    public async Task Without_a_source_no_hint_is_set_so_the_intake_detects_the_format()
    {
        var sender = new Mock<ServiceBusSender>();
        ServiceBusMessage? sent = null;
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((message, _) => sent = message)
            .Returns(Task.CompletedTask);

        await new AlertQueueSender(sender.Object, new FakeLogger<AlertQueueSender>()).SendAsync(Message(source: null), CancellationToken.None);

        Assert.Empty(sent!.ApplicationProperties);
    }

    [Theory]
    [InlineData(ServiceBusFailureReason.ServiceBusy)]
    [InlineData(ServiceBusFailureReason.ServiceTimeout)]
    [InlineData(ServiceBusFailureReason.MessagingEntityNotFound)]
    [InlineData(ServiceBusFailureReason.QuotaExceeded)]
    public async Task Service_Bus_failure_is_reported_as_unavailable(ServiceBusFailureReason reason)
    {
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("boom", reason));

        var outcome = await new AlertQueueSender(sender.Object, new FakeLogger<AlertQueueSender>()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(QueueSendOutcome.Unavailable, outcome);
    }

    [Fact]
    public async Task Missing_send_permission_is_reported_as_unavailable()
    {
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UnauthorizedAccessException("no Data Sender role"));

        var outcome = await new AlertQueueSender(sender.Object, new FakeLogger<AlertQueueSender>()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(QueueSendOutcome.Unavailable, outcome);
    }

    [Fact]
    public async Task Message_over_the_entity_size_limit_is_reported_as_too_large()
    {
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("too big", ServiceBusFailureReason.MessageSizeExceeded));

        var outcome = await new AlertQueueSender(sender.Object, new FakeLogger<AlertQueueSender>()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(QueueSendOutcome.TooLarge, outcome);
    }
}
