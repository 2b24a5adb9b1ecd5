using System.Security.Cryptography;
using System.Text;
using AlertProbe.Cli.Payloads;
using AlertProbe.Cli.Sending;
using AlertProbe.Core.Ingress;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AlertProbe.Cli.Tests.Sending;

public sealed class QueueDropTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"testType":"http-server","url":"https://www.contoso.example/","agents":[{"agentId":"113"}]}""");

    [Fact]
    public async Task The_message_carries_the_body_unchanged_with_a_body_hash_as_its_id()
    {
        var (sender, sent) = CapturingSender();

        var (outcome, messageId) = await QueueDrop.SendAsync(Payload(), null, sender.Object, NullLogger<AlertQueueSender>.Instance, CancellationToken.None);

        Assert.Equal(QueueSendOutcome.Sent, outcome);
        var message = Assert.Single(sent);
        var expectedId = $"auto:body-sha256:{Convert.ToHexStringLower(SHA256.HashData(Body))}";
        Assert.Equal(expectedId, messageId);
        Assert.Equal(expectedId, message.MessageId);
        Assert.Equal(expectedId, message.CorrelationId);
        Assert.Equal(Body, message.Body.ToArray());
        Assert.Equal("application/json", message.ContentType);
        Assert.False(message.ApplicationProperties.ContainsKey("source"));
    }

    [Fact]
    public async Task A_source_hint_becomes_the_source_property_and_the_id_prefix()
    {
        var (sender, sent) = CapturingSender();

        var (_, messageId) = await QueueDrop.SendAsync(Payload(), "manual", sender.Object, NullLogger<AlertQueueSender>.Instance, CancellationToken.None);

        var message = Assert.Single(sent);
        Assert.Equal("manual", message.ApplicationProperties["source"]);
        Assert.StartsWith("manual:body-sha256:", messageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_bus_refusing_the_message_is_reported_not_thrown()
    {
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("too big", ServiceBusFailureReason.MessageSizeExceeded));

        var (outcome, _) = await QueueDrop.SendAsync(Payload(), null, sender.Object, NullLogger<AlertQueueSender>.Instance, CancellationToken.None);

        Assert.Equal(QueueSendOutcome.TooLarge, outcome);
    }

    [Fact]
    public async Task Send_without_a_namespace_is_a_usage_error()
    {
        var result = await CliInvocation.RunAsync("send", "samples/alerts/grafana.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--namespace", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_with_a_namespace_that_is_not_a_host_name_is_a_usage_error()
    {
        var result = await CliInvocation.RunAsync("send", "samples/alerts/grafana.json", "--namespace", "sb-alertprobe");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("servicebus.windows.net", result.Error, StringComparison.Ordinal);
    }

    private static PayloadFile Payload() => new() { Path = "/tmp/request.json", DisplayName = "request.json", Body = Body };

    private static (Mock<ServiceBusSender> Sender, List<ServiceBusMessage> Sent) CapturingSender()
    {
        var sent = new List<ServiceBusMessage>();
        var sender = new Mock<ServiceBusSender>();
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((message, _) => sent.Add(message))
            .Returns(Task.CompletedTask);
        return (sender, sent);
    }
}
