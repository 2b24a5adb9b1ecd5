using AlertProbe.Core.FollowUp;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Moq;

namespace AlertProbe.Functions.Tests.FollowUp;

/// <summary>CollectResults and RerunTests settle every message exactly once, as the handler's outcome says.</summary>
public sealed class FollowUpSettlementTests
{
    private static readonly FollowUpInstructions CollectOnly = new() { Collect = true };

    private static readonly FollowUpInstructions RerunOnce = new()
    {
        Collect = false,
        Rerun = new RerunInstructions { Count = 1, Interval = TimeSpan.FromMinutes(1) },
    };

    [Fact]
    public async Task Collected_results_complete_the_message()
    {
        await using var host = await FollowUpFunctionsHost.StartAsync();
        var message = (await host.CreateRunAsync(CollectOnly)).ToReceivedMessage();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        actions.Setup(a => a.CompleteMessageAsync(message, CancellationToken.None)).Returns(Task.CompletedTask);

        await host.Collect.RunAsync(message, actions.Object, CancellationToken.None);

        actions.Verify(a => a.CompleteMessageAsync(message, CancellationToken.None), Times.Once);
        actions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Results_not_there_yet_schedule_a_re_check_and_complete_the_original()
    {
        await using var host = await FollowUpFunctionsHost.StartAsync();
        var message = (await host.CreateRunAsync(CollectOnly)).ToReceivedMessage();
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        actions.Setup(a => a.CompleteMessageAsync(message, CancellationToken.None)).Returns(Task.CompletedTask);

        await host.Collect.RunAsync(message, actions.Object, CancellationToken.None);

        actions.Verify(a => a.CompleteMessageAsync(message, CancellationToken.None), Times.Once);
        actions.VerifyNoOtherCalls();
        Assert.Equal(1, (int)Assert.Single(host.Bus.Pending("instant-tests")).Message.ApplicationProperties[FollowUpProperties.CollectAttempt]);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_dead_lettered_by_collect_with_its_reason()
    {
        await using var host = await FollowUpFunctionsHost.StartAsync();
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("not json"), messageId: "bad-collect");
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        actions.Setup(a => a.DeadLetterMessageAsync(message, null, RejectionReasons.InvalidJson, It.IsAny<string>(), CancellationToken.None)).Returns(Task.CompletedTask);

        await host.Collect.RunAsync(message, actions.Object, CancellationToken.None);

        actions.Verify(a => a.DeadLetterMessageAsync(message, null, RejectionReasons.InvalidJson, It.IsAny<string>(), CancellationToken.None), Times.Once);
        actions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_thousandeyes_outage_while_collecting_abandons_for_redelivery()
    {
        await using var host = await FollowUpFunctionsHost.StartAsync();
        var message = (await host.CreateRunAsync(CollectOnly)).ToReceivedMessage();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        host.Simulator.State.FailNextRequests(503, 1, "test-results");
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        actions.Setup(a => a.AbandonMessageAsync(message, null, CancellationToken.None)).Returns(Task.CompletedTask);

        await host.Collect.RunAsync(message, actions.Object, CancellationToken.None);

        actions.Verify(a => a.AbandonMessageAsync(message, null, CancellationToken.None), Times.Once);
        actions.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_due_rerun_reruns_the_test_and_completes_the_message()
    {
        await using var host = await FollowUpFunctionsHost.StartAsync();
        var created = await host.CreateRunAsync(RerunOnce);
        var read = MessageEnvelope.ReadInstantTestCreated(created.Message.Body).Message!;
        var due = new BusMessage("instant-tests", 99, FollowUpMessages.RerunDue(read), host.Time.GetUtcNow(), null).ToReceivedMessage();
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        actions.Setup(a => a.CompleteMessageAsync(due, CancellationToken.None)).Returns(Task.CompletedTask);

        await host.Rerun.RunAsync(due, actions.Object, CancellationToken.None);

        actions.Verify(a => a.CompleteMessageAsync(due, CancellationToken.None), Times.Once);
        actions.VerifyNoOtherCalls();
        Assert.Equal(2, host.Simulator.State.FindTest(read.TestId)!.RunCount);
    }

    [Fact]
    public async Task A_run_with_a_rerun_policy_schedules_the_rerun_and_completes_the_message()
    {
        await using var host = await FollowUpFunctionsHost.StartAsync();
        var message = (await host.CreateRunAsync(RerunOnce)).ToReceivedMessage();
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        actions.Setup(a => a.CompleteMessageAsync(message, CancellationToken.None)).Returns(Task.CompletedTask);

        await host.Rerun.RunAsync(message, actions.Object, CancellationToken.None);

        actions.Verify(a => a.CompleteMessageAsync(message, CancellationToken.None), Times.Once);
        actions.VerifyNoOtherCalls();
        Assert.Equal(FollowUpSubjects.RerunDue, Assert.Single(host.Bus.Pending("instant-tests")).Message.Subject);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_dead_lettered_by_rerun_with_its_reason()
    {
        await using var host = await FollowUpFunctionsHost.StartAsync();
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString("[]"), messageId: "bad-rerun", subject: FollowUpSubjects.RerunDue);
        var actions = new Mock<ServiceBusMessageActions>(MockBehavior.Strict);
        actions.Setup(a => a.DeadLetterMessageAsync(message, null, RejectionReasons.InvalidJson, It.IsAny<string>(), CancellationToken.None)).Returns(Task.CompletedTask);

        await host.Rerun.RunAsync(message, actions.Object, CancellationToken.None);

        actions.Verify(a => a.DeadLetterMessageAsync(message, null, RejectionReasons.InvalidJson, It.IsAny<string>(), CancellationToken.None), Times.Once);
        actions.VerifyNoOtherCalls();
    }
}
