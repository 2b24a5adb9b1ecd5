using AlertProbe.Core.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.Messages;

public sealed class InMemoryMessageBusTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMessageBus _bus;
    private readonly InstantTestPublisher _publisher;
    private readonly AlertQueueScheduler _scheduler;

    public InMemoryMessageBusTests()
    {
        _bus = new InMemoryMessageBus(_time);
        var options = Options.Create(new MessagingOptions());
        _publisher = new InstantTestPublisher(_bus.Client, options, NullLogger<InstantTestPublisher>.Instance);
        _scheduler = new AlertQueueScheduler(_bus.Client, options, NullLogger<AlertQueueScheduler>.Instance);
    }

    [Fact]
    public async Task A_published_message_is_captured_on_its_topic()
    {
        await _publisher.PublishCreatedAsync(MessageSamples.Created(), CancellationToken.None);

        var captured = Assert.Single(_bus.Pending("instant-tests"));
        Assert.Equal("281474976710656:0", captured.Message.MessageId);
    }

    [Fact]
    public async Task A_captured_message_reads_back_as_the_contract()
    {
        await _publisher.PublishCreatedAsync(MessageSamples.Created(), CancellationToken.None);

        Assert.True(_bus.TryTakeDue("instant-tests", out var captured));
        var received = captured!.ToReceivedMessage();
        Assert.Equal("281474976710656", MessageEnvelope.ReadInstantTestCreated(received.Body).Message?.TestId);
    }

    [Fact]
    public async Task Publishing_the_same_run_twice_keeps_one_message()
    {
        await _publisher.PublishCreatedAsync(MessageSamples.Created(), CancellationToken.None);
        await _publisher.PublishCreatedAsync(MessageSamples.Created(), CancellationToken.None);

        Assert.Equal((1, 1), (_bus.Pending("instant-tests").Count, _bus.DuplicatesDropped));
    }

    [Fact]
    public async Task A_scheduled_message_is_not_due_before_its_time()
    {
        var original = new BusMessage("alerts", 0, new Azure.Messaging.ServiceBus.ServiceBusMessage("{}") { MessageId = "m1" }, _time.GetUtcNow(), null);
        await _scheduler.ScheduleAsync(original.ToReceivedMessage(), _time.GetUtcNow().AddSeconds(40), "RateLimited", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(39));

        Assert.False(_bus.TryTakeDue("alerts", out _));
    }

    [Fact]
    public async Task A_scheduled_message_is_due_at_its_time_with_its_enqueue_time_recorded()
    {
        var at = _time.GetUtcNow().AddSeconds(40);
        var original = new BusMessage("alerts", 0, new Azure.Messaging.ServiceBus.ServiceBusMessage("{}") { MessageId = "m1" }, _time.GetUtcNow(), null);
        await _scheduler.ScheduleAsync(original.ToReceivedMessage(), at, "RateLimited", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(40));

        Assert.True(_bus.TryTakeDue("alerts", out var due));
        Assert.Equal(("m1:r1", at), (due!.Message.MessageId, due.ScheduledFor));
    }

    [Fact]
    public async Task Concurrent_publishers_lose_no_message()
    {
        await Parallel.ForAsync(0, 200, async (i, ct) =>
            await _publisher.PublishCreatedAsync(MessageSamples.Created() with { TestId = $"t{i}" }, ct));

        Assert.Equal(200, _bus.History("instant-tests").Select(m => m.Message.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Due_messages_are_taken_by_due_time_then_send_order_and_not_before_their_time()
    {
        var sender = _bus.Client.CreateSender("alerts");
        var now = _time.GetUtcNow();
        await sender.ScheduleMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage("{}") { MessageId = "late" }, now.AddSeconds(20));
        await sender.ScheduleMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage("{}") { MessageId = "soon" }, now.AddSeconds(10));
        await sender.SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage("{}") { MessageId = "first" });
        await sender.SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage("{}") { MessageId = "second" });

        var taken = new List<string>();
        foreach (var step in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10) })
        {
            _time.Advance(step);
            while (_bus.TryTakeDue("alerts", out var due))
            {
                taken.Add($"{due!.Message.MessageId}@{(_time.GetUtcNow() - now).TotalSeconds}");
            }
        }

        Assert.Equal(["first@0", "second@0", "soon@10", "late@20"], taken);
    }

    [Fact]
    public async Task A_cancelled_scheduled_message_is_never_taken_nor_pending()
    {
        var sender = _bus.Client.CreateSender("alerts");
        var sequence = await sender.ScheduleMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage("{}") { MessageId = "cancelled" }, _time.GetUtcNow().AddSeconds(5));
        await sender.ScheduleMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage("{}") { MessageId = "kept" }, _time.GetUtcNow().AddSeconds(9));

        await sender.CancelScheduledMessageAsync(sequence);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(_time.GetUtcNow().AddSeconds(4), _bus.NextDueAt("alerts"));
        Assert.False(_bus.TryTakeDue("alerts", out _));
        Assert.Equal(["kept"], _bus.Pending("alerts").Select(m => m.Message.MessageId));
    }

    [Fact]
    public async Task Each_entity_has_its_own_queue()
    {
        await _bus.Client.CreateSender("alerts").SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage("{}") { MessageId = "a" });
        await _bus.Client.CreateSender("instant-tests").SendMessageAsync(new Azure.Messaging.ServiceBus.ServiceBusMessage("{}") { MessageId = "t" });

        Assert.True(_bus.TryTakeDue("instant-tests", out var topic));
        Assert.Equal("t", topic!.Message.MessageId);
        Assert.Equal(["a"], _bus.Pending().Select(m => m.Message.MessageId));
    }
}
