using System.Text;
using AlertProbe.Core.Outcomes;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace AlertProbe.Functions.Tests.Intake;

public sealed class AlertIntakeSettlementTests
{
    private const string ManualHttpTest =
        """{"testType":"http-server","url":"https://shop.example.com/health","agents":[{"agentId":"113"}]}""";

    [Fact]
    public async Task A_valid_manual_request_creates_the_test_and_completes_the_message()
    {
        await using var host = await AlertIntakeHost.StartAsync();
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        var message = Message(ManualHttpTest);
        actions.Setup(a => a.CompleteMessageAsync(message, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await host.Function.Run(message, actions.Object, CancellationToken.None);

        actions.Verify(a => a.CompleteMessageAsync(message, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Single(host.Simulator.State.CreatedTests);
    }

    [Theory]
    [InlineData("""{"testType":"http-server","url":"https://shop.exam""", RejectionReasons.InvalidJson)]
    [InlineData("""{"hello":"world"}""", RejectionReasons.UnknownFormat)]
    [InlineData("""{"testType":"bgp","prefix":"10.0.0.0/8","agents":[{"agentId":"113"}]}""", RejectionReasons.UnsupportedTestType)]
    [InlineData("""{"testType":"http-server","agents":[{"agentId":"113"}]}""", RejectionReasons.MissingField)]
    [InlineData("""{"testType":"http-server","url":"http://169.254.169.254/latest/meta-data","agents":[{"agentId":"113"}]}""", RejectionReasons.TargetDenied)]
    public async Task Bad_input_is_dead_lettered_with_its_specific_reason_and_never_reaches_ThousandEyes(string body, string reason)
    {
        await using var host = await AlertIntakeHost.StartAsync();
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        var message = Message(body);
        actions.Setup(a => a.DeadLetterMessageAsync(message, null, reason, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        await host.Function.Run(message, actions.Object, CancellationToken.None);

        actions.Verify(a => a.DeadLetterMessageAsync(message, null, reason, It.Is<string>(d => d.Length > 0), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(host.Simulator.State.CreatedTests);
    }

    [Fact]
    public async Task A_message_over_the_instant_test_budget_is_rescheduled_and_the_original_completed()
    {
        await using var host = await AlertIntakeHost.StartAsync(instantTestLimit: 1);
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        actions.Setup(a => a.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var first = Message(ManualHttpTest, messageId: "first");
        var second = Message("""{"testType":"http-server","url":"https://other.example.com/","agents":[{"agentId":"113"}]}""", messageId: "second");

        await host.Function.Run(first, actions.Object, CancellationToken.None);
        await host.Function.Run(second, actions.Object, CancellationToken.None);

        actions.Verify(a => a.CompleteMessageAsync(second, It.IsAny<CancellationToken>()), Times.Once);
        var scheduled = Assert.Single(host.Bus.Pending("alerts"));
        Assert.True(scheduled.DueAt > host.Time.GetUtcNow(), "the copy must wait for the budget's reset");
        Assert.Single(host.Simulator.State.CreatedTests);
    }

    [Fact]
    public async Task A_plan_refused_for_its_agents_spends_none_of_the_instant_test_budget()
    {
        await using var host = await AlertIntakeHost.StartAsync(instantTestLimit: 1);
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        var noAgents = Message("""{"testType":"http-server","url":"https://www.example.com/","agents":[{"country":"PT"}]}""", messageId: "no-agents");
        var valid = Message(ManualHttpTest, messageId: "valid");
        actions.Setup(a => a.DeadLetterMessageAsync(noAgents, null, RejectionReasons.NoAgents, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        actions.Setup(a => a.CompleteMessageAsync(valid, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await host.Function.Run(noAgents, actions.Object, CancellationToken.None);
        await host.Function.Run(valid, actions.Object, CancellationToken.None);

        Assert.Single(host.Simulator.State.CreatedTests);
        Assert.Empty(host.Bus.Pending("alerts"));
    }

    [Fact]
    public async Task A_ThousandEyes_server_error_abandons_the_message_for_redelivery()
    {
        await using var host = await AlertIntakeHost.StartAsync();
        host.Simulator.State.FailNextRequests(500, 5, "/instant");
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        var message = Message(ManualHttpTest);
        actions.Setup(a => a.AbandonMessageAsync(message, null, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await host.Function.Run(message, actions.Object, CancellationToken.None);

        actions.Verify(a => a.AbandonMessageAsync(message, null, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(host.Simulator.State.CreatedTests);
    }

    private static ServiceBusReceivedMessage Message(string body, string messageId = "message-1") =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromBytes(Encoding.UTF8.GetBytes(body)),
            messageId: messageId,
            correlationId: "corr-" + messageId,
            contentType: "application/json",
            deliveryCount: 1,
            enqueuedTime: new DateTimeOffset(2025, 1, 15, 12, 0, 0, TimeSpan.Zero));
}
