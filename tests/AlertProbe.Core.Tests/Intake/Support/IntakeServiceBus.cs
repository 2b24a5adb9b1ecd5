using AlertProbe.Core.Messages;
using Azure.Messaging.ServiceBus;
using Moq;

namespace AlertProbe.Core.Tests.Intake.Support;

/// <summary>Service Bus clients for the intake host that fail on cue (the broker is mocked: no local Service Bus exists).</summary>
internal static class IntakeServiceBus
{
    /// <summary>
    /// The in-memory bus, except that a publish to the instant-tests topic fails as the SDK does after its retries whenever
    /// <paramref name="fail"/> says so.
    /// </summary>
    public static ServiceBusClient FailingPublishes(InMemoryMessageBus bus, Func<bool> fail)
    {
        var topic = bus.Client.CreateSender(IntakeHost.InstantTestsTopic);
        var sender = new Mock<ServiceBusSender>();
        sender.SetupGet(s => s.EntityPath).Returns(IntakeHost.InstantTestsTopic);
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Returns((ServiceBusMessage message, CancellationToken cancellationToken) => fail()
                ? Task.FromException(new ServiceBusException("The broker did not answer in time.", ServiceBusFailureReason.ServiceTimeout))
                : topic.SendMessageAsync(message, cancellationToken));
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(It.IsAny<string>()))
            .Returns((string name) => name == IntakeHost.InstantTestsTopic ? sender.Object : bus.Client.CreateSender(name));
        return client.Object;
    }

    /// <summary>Fails the first <paramref name="failures"/> publishes.</summary>
    public static ServiceBusClient FailingPublishes(InMemoryMessageBus bus, int failures) =>
        FailingPublishes(bus, () => Interlocked.Decrement(ref failures) >= 0);
}
