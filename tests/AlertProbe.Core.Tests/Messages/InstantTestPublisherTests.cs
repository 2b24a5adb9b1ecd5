using AlertProbe.Core.Messages;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace AlertProbe.Core.Tests.Messages;

public sealed class InstantTestPublisherTests
{
    private readonly Mock<ServiceBusSender> _createdSender = new();
    private readonly Mock<ServiceBusSender> _resultsSender = new();
    private readonly List<(string Topic, ServiceBusMessage Message)> _sent = [];
    private readonly InstantTestPublisher _publisher;

    public InstantTestPublisherTests()
    {
        var options = new MessagingOptions { InstantTestsTopicName = "tests-topic", TestResultsTopicName = "results-topic" };
        Capture(_createdSender, options.InstantTestsTopicName);
        Capture(_resultsSender, options.TestResultsTopicName);
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(options.InstantTestsTopicName)).Returns(_createdSender.Object);
        client.Setup(c => c.CreateSender(options.TestResultsTopicName)).Returns(_resultsSender.Object);
        _publisher = new InstantTestPublisher(client.Object, Options.Create(options), NullLogger<InstantTestPublisher>.Instance);
    }

    [Fact]
    public async Task Created_is_sent_once_on_the_instant_tests_topic()
    {
        await _publisher.PublishCreatedAsync(MessageSamples.Created(), CancellationToken.None);

        Assert.Equal(["tests-topic"], _sent.Select(s => s.Topic));
    }

    [Fact]
    public async Task Created_is_sent_with_the_envelope_of_the_contract()
    {
        var created = MessageSamples.Created(run: 1);

        await _publisher.PublishCreatedAsync(created, CancellationToken.None);

        var expected = MessageEnvelope.ToServiceBusMessage(created);
        var sent = Assert.Single(_sent).Message;
        Assert.Equal(
            (expected.MessageId, expected.CorrelationId, expected.ContentType, expected.Subject, expected.Body.ToString()),
            (sent.MessageId, sent.CorrelationId, sent.ContentType, sent.Subject, sent.Body.ToString()));
    }

    [Fact]
    public async Task Created_is_sent_with_every_filter_property()
    {
        var created = MessageSamples.Created();

        await _publisher.PublishCreatedAsync(created, CancellationToken.None);

        Assert.Equal(
            MessageEnvelope.ToServiceBusMessage(created).ApplicationProperties.ToDictionary(),
            Assert.Single(_sent).Message.ApplicationProperties.ToDictionary());
    }

    [Fact]
    public async Task Results_are_sent_on_the_test_results_topic_with_their_envelope()
    {
        var results = MessageSamples.Results(run: 1);

        await _publisher.PublishResultsAsync(results, CancellationToken.None);

        var (topic, sent) = Assert.Single(_sent);
        Assert.Equal(("results-topic", "281474976710656:1", "InstantTestResults"), (topic, sent.MessageId, sent.Subject));
    }

    [Fact]
    public async Task A_send_failure_reaches_the_caller()
    {
        _createdSender
            .Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ServiceBusException("busy", ServiceBusFailureReason.ServiceBusy));

        await Assert.ThrowsAsync<ServiceBusException>(() => _publisher.PublishCreatedAsync(MessageSamples.Created(), CancellationToken.None));
    }

    [Fact]
    public async Task The_callers_cancellation_token_is_passed_to_the_sender()
    {
        using var cancellation = new CancellationTokenSource();

        await _publisher.PublishCreatedAsync(MessageSamples.Created(), cancellation.Token);

        _createdSender.Verify(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), cancellation.Token), Times.Once);
    }

    private void Capture(Mock<ServiceBusSender> sender, string topic)
    {
        sender.SetupGet(s => s.EntityPath).Returns(topic);
        sender
            .Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((message, _) => _sent.Add((topic, message)))
            .Returns(Task.CompletedTask);
    }
}
