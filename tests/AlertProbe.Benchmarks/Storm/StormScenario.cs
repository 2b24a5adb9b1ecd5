using AlertProbe.Benchmarks.Storm.Faults;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Ledger.Storage;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Simulator;
using AlertProbe.Testing.Azurite;
using AlertProbe.Testing.Simulator;
using AlertProbe.ThousandEyes.DependencyInjection;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Benchmarks.Storm;

/// <summary>
/// An alert storm through the real intake (<c>AddAlertIntake</c>: parser, rules, policy, ledger, rate budget, the
/// ThousandEyes client over loopback to the simulator, publisher, scheduler) on the simulator's fake clock. Every
/// message is on the queue at the start; deliveries are taken one at a time in due order and settled the way
/// Service Bus would (an abandoned message comes back, up to 10 deliveries); when nothing is due the clock jumps to
/// the next scheduled copy. What it counts is in <see cref="StormReport"/>.
/// </summary>
public static partial class StormScenario
{
    private const string AlertsQueue = "alerts";
    private const string InstantTestsTopic = "instant-tests";
    private const int MaxDeliveryCount = 10;
    private static readonly TimeSpan ApiWindow = TimeSpan.FromMinutes(1);

    // The queue's lock (infra/modules/servicebus.bicep): a delivery whose process died comes back when it expires.
    private static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(1);

    public static async Task<StormReport> RunAsync(StormSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Messages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Targets, 1);

        AzuriteFixture? azurite = null;
        var connectionString = settings.TablesConnectionString;
        if (settings.Store == StormStore.Tables && connectionString is null)
        {
            azurite = new AzuriteFixture();
            await azurite.InitializeAsync();
            connectionString = azurite.ConnectionString;
        }

        await using var simulator = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = settings.RateLimitPerMinute });
        var rulesPath = Path.Combine(Path.GetTempPath(), $"alertprobe-storm-rules-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(rulesPath, StormAlerts.RulesYaml, cancellationToken);
        try
        {
            return await RunAsync(settings, simulator, rulesPath, connectionString, cancellationToken);
        }
        finally
        {
            File.Delete(rulesPath);
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    private static async Task<StormReport> RunAsync(StormSettings settings, SimulatorFixture simulator, string rulesPath, string? connectionString, CancellationToken cancellationToken)
    {
        var time = simulator.Time;
        var tableCounter = new TableRequestCounter();
        ILedgerStore store;
        if (settings.Store == StormStore.Tables)
        {
            var options = new TableClientOptions();
            options.AddPolicy(tableCounter, HttpPipelinePosition.PerRetry);
            store = new TableLedgerStore(new TableServiceClient(connectionString, options), "storm" + Guid.NewGuid().ToString("N")[..12]);
        }
        else
        {
            store = new InMemoryLedgerStore();
        }

        var faults = settings.Faults is { } plan ? new FaultInjector(plan) : null;
        if (faults is not null)
        {
            store = new FaultingLedgerStore(store, faults);
        }

        var counting = new CountingLedgerStore(store);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ThousandEyes:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["ThousandEyes:ApiVersion"] = "v7",
            ["ThousandEyes:BearerToken"] = simulator.Options.BearerToken,
            ["ThousandEyes:MaxRetryAttempts"] = "2",
            ["ThousandEyes:RetryBaseDelay"] = "00:00:00",
            ["Messaging:Transport"] = "InMemory",
            ["RateBudget:Limit"] = settings.RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rules:Path"] = rulesPath,
        }).Build();

        var recorder = new ApiCallLog(time);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        var bus = new InMemoryMessageBus(time);
        services.AddSingleton(bus);
        if (faults is not null)
        {
            services.AddSingleton<ServiceBusClient>(new FaultingServiceBusClient(bus.Client, faults, InstantTestsTopic));
        }

        services.AddSingleton<ILedgerStore>(counting);
        services.AddAlertIntake(configuration);
        var api = services.AddHttpClient(ThousandEyesServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(recorder.CreateHandler);
        if (faults is not null)
        {
            api.AddHttpMessageHandler(() => new FaultingApiHandler(faults, time));
        }

        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var alerts = StormAlerts.Create(settings);
        var sender = bus.Client.CreateSender(AlertsQueue);
        foreach (var alert in alerts)
        {
            await sender.SendMessageAsync(new ServiceBusMessage(alert.Body) { MessageId = alert.MessageId, ContentType = "application/json" }, cancellationToken);
        }

        var start = time.GetUtcNow();
        var memory = new List<double> { MemoryMiB() };
        var final = new Dictionary<string, IntakeOutcome>(StringComparer.Ordinal);
        var handlerCalls = 0;
        var crashes = 0;
        var redeliveries = new Queue<(BusMessage Message, int DeliveryCount)>();
        var locked = new List<(BusMessage Message, int DeliveryCount, DateTimeOffset BackAt)>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BusMessage? message;
            var deliveryCount = 1;
            var now = time.GetUtcNow();
            if (redeliveries.TryDequeue(out var again))
            {
                (message, deliveryCount) = again;
            }
            else if (locked.FindIndex(l => l.BackAt <= now) is >= 0 and var expired)
            {
                (message, deliveryCount, _) = locked[expired];
                locked.RemoveAt(expired);
            }
            else if (!bus.TryTakeDue(AlertsQueue, out message))
            {
                DateTimeOffset? next = bus.NextDueAt(AlertsQueue);
                foreach (var l in locked)
                {
                    next = next is { } n && n <= l.BackAt ? n : l.BackAt;
                }

                if (next is null)
                {
                    break;
                }

                time.SetUtcNow(next.Value > now ? next.Value : now);
                continue;
            }

            var received = message!.ToReceivedMessage(deliveryCount);
            handlerCalls++;
            if (handlerCalls == alerts.Count)
            {
                memory.Add(MemoryMiB());
            }

            faults?.BeginCall();
            IntakeOutcome outcome;
            try
            {
                outcome = await provider.GetRequiredService<AlertIntakeHandler>().HandleAsync(received, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // As the Functions' settler does: an unexpected exception abandons the message (redelivered at once).
                outcome = new IntakeOutcome.Abandoned($"{exception.GetType().Name}: {exception.Message}");
            }

            var original = AlertQueueScheduler.OriginalMessageIdOf(received);
            if (faults is { Crashed: true })
            {
                // Nothing was settled: the message is locked until its lock expires, then delivered again.
                crashes++;
                if (deliveryCount < MaxDeliveryCount)
                {
                    locked.Add((message, deliveryCount + 1, time.GetUtcNow() + LockDuration));
                }
                else
                {
                    final[original] = new IntakeOutcome.DeadLettered("MaxDeliveryCountExceeded", "the process crashed on every delivery");
                }

                continue;
            }

            switch (outcome)
            {
                case IntakeOutcome.Abandoned when deliveryCount < MaxDeliveryCount:
                    redeliveries.Enqueue((message, deliveryCount + 1));
                    break;
                case IntakeOutcome.Abandoned abandoned:
                    final[original] = new IntakeOutcome.DeadLettered("MaxDeliveryCountExceeded", abandoned.Error);
                    break;
                case IntakeOutcome.Rescheduled:
                    break;
                default:
                    final[original] = outcome;
                    break;
            }
        }

        memory.Add(MemoryMiB());
        var run = new RunFacts(handlerCalls, crashes, faults, memory);
        var report = Report(settings, alerts, final, bus, simulator, recorder, run,
            settings.Store == StormStore.Tables ? tableCounter.Count : counting.Count, time.GetUtcNow() - start, start);

        if (!settings.MeasureAppMemory)
        {
            await provider.DisposeAsync();
            return report;
        }

        // What the app itself keeps: the heap with its service provider alive, less the heap once it is disposed and
        // collected. The harness's records (every message sent, the in-memory ledger rows: Service Bus's and Table
        // Storage's in production, the simulator's tests) are referenced outside the provider, so they count in neither.
        var app = new WeakReference(provider.GetRequiredService<ILedger>());
        await provider.DisposeAsync();
        provider = null;
        for (var waited = 0; app.IsAlive && waited < 200; waited++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }

        if (app.IsAlive)
        {
            return report;
        }

        return report with { AppRetainedMiB = Math.Round(memory[^1] - MemoryMiB(), 1) };
    }

    private static StormReport Report(
        StormSettings settings,
        IReadOnlyList<StormAlert> alerts,
        Dictionary<string, IntakeOutcome> final,
        InMemoryMessageBus bus,
        SimulatorFixture simulator,
        ApiCallLog recorder,
        RunFacts run,
        long tableRequests,
        TimeSpan elapsed,
        DateTimeOffset start)
    {
        var published = bus.History(InstantTestsTopic)
            .Select(m => MessageEnvelope.ReadInstantTestCreated(m.Message.Body).Message)
            .OfType<InstantTestCreated>()
            .ToList();
        var publishedTestIds = published.Select(p => p.TestId).ToHashSet(StringComparer.Ordinal);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var test in published)
        {
            covered.Add(test.Trigger.AlertId);
            foreach (var coalesced in test.CoalescedAlerts)
            {
                covered.Add(coalesced.AlertId);
            }
        }

        var stillScheduled = bus.Pending(AlertsQueue)
            .Select(m => AlertQueueScheduler.OriginalMessageIdOf(m.ToReceivedMessage(1)))
            .ToHashSet(StringComparer.Ordinal);
        // Alerts coalesced onto a claim whose creation failed for good are named in the claimant's dead-letter description.
        var refusedWithClaim = final.Values.OfType<IntakeOutcome.DeadLettered>()
            .SelectMany(d => RefusedWithIt().Matches(d.Description).Select(m => m.Groups["alert"].Value))
            .ToHashSet(StringComparer.Ordinal);
        var coalescedCount = 0;
        var completedCount = 0;
        var deadLettered = 0;
        var scheduled = 0;
        var lost = 0;
        foreach (var alert in alerts)
        {
            final.TryGetValue(alert.MessageId, out var outcome);
            completedCount += outcome is IntakeOutcome.Completed ? 1 : 0;
            switch (outcome)
            {
                case null when stillScheduled.Contains(alert.MessageId):
                    scheduled++;
                    continue;
                case IntakeOutcome.DeadLettered:
                    deadLettered++;
                    continue;
                case IntakeOutcome.Completed completed when completed.Reason.StartsWith("coalesced onto ", StringComparison.Ordinal):
                    coalescedCount++;
                    var onto = completed.Reason["coalesced onto ".Length..];
                    if (!covered.Contains(alert.AlertId) && !publishedTestIds.Contains(onto) && !refusedWithClaim.Contains(alert.AlertId))
                    {
                        lost++;
                    }

                    continue;
                case IntakeOutcome.Completed:
                    if (!covered.Contains(alert.AlertId))
                    {
                        lost++;
                    }

                    continue;
                default:
                    lost++;
                    continue;
            }
        }

        var createdTests = simulator.State.CreatedTests;
        var createdUnpublished = createdTests.Count(t => !publishedTestIds.Contains(t.TestId));
        var keys = alerts.Select(a => a.Target).Distinct().Count();
        // A test declared lost (TestIdLost: created, id never recorded) is not followed up; a later alert for its key gets
        // a test of its own, which is not a duplicate. Anything else beyond one test per key is.
        var declaredLost = final.Values.OfType<IntakeOutcome.DeadLettered>()
            .Where(d => d.Reason == RejectionReasons.TestIdLost)
            .Select(d => d.Description)
            .ToList();
        var duplicates = createdTests
            .GroupBy(t => t.Target, StringComparer.Ordinal)
            .Sum(g => Math.Max(0, g.Count() - 1 - g.Count(t => declaredLost.Any(d => d.Contains(t.TestName, StringComparison.Ordinal)))));
        var windows = Windows(recorder.Creates);
        var firstWindowEnd = windows.Count > 0 ? windows[0].Start + ApiWindow : DateTimeOffset.MaxValue;
        double? budgetUsed = windows.Count > 1
            ? windows.Take(windows.Count - 1).Sum(w => w.Count) / (double)(settings.RateLimitPerMinute * (windows.Count - 1))
            : null;
        var maxDueAtOnce = bus.History(AlertsQueue)
            .Where(m => m.ScheduledFor is not null)
            .GroupBy(m => m.ScheduledFor)
            .Select(g => g.Count())
            .DefaultIfEmpty(0)
            .Max();

        return new StormReport
        {
            Messages = alerts.Count,
            DistinctKeys = keys,
            Created = createdTests.Count,
            Coalesced = coalescedCount,
            DeadLettered = deadLettered,
            Lost = lost,
            Duplicates = duplicates,
            Http429 = recorder.RateLimited.Count,
            Http429AfterFirstWindow = recorder.RateLimited.Count(at => at >= firstWindowEnd),
            Completed = completedCount,
            RefusedWithClaim = refusedWithClaim.Count,
            TestIdLost = declaredLost.Count,
            Scheduled = scheduled,
            Published = publishedTestIds.Count,
            CreatedUnpublished = createdUnpublished,
            Crashes = run.Crashes,
            DeadLetterReasons = new SortedDictionary<string, int>(
                final.Values.OfType<IntakeOutcome.DeadLettered>().GroupBy(d => d.Reason, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
                StringComparer.Ordinal),
            Faults = run.Faults is { } injected ? new SortedDictionary<string, int>(injected.Injected, StringComparer.Ordinal) : null,
            MemoryMiB = [.. run.MemoryMiB.Select(m => Math.Round(m, 1))],
            HandlerCalls = run.HandlerCalls,
            HandlerCallsPerAlert = Math.Round(run.HandlerCalls / (double)alerts.Count, 3),
            TableRequests = tableRequests,
            TableRequestsPerAlert = Math.Round(tableRequests / (double)alerts.Count, 3),
            BudgetUsed = budgetUsed is { } used ? Math.Round(used, 4) : null,
            CreatesPerWindow = [.. windows.Select(w => w.Count)],
            MaxDueAtOnce = maxDueAtOnce,
            VirtualMinutes = Math.Round(elapsed.TotalMinutes, 2),
            BySeverity = settings.Mixed ? BySeverity(alerts, createdTests, start) : null,
            Store = settings.Store.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>Managed heap after a full collection, in MiB (the harness's own bus history and ledger included).</summary>
    private static double MemoryMiB() => GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<alert>fp-\d+) in storm-\d+")]
    private static partial System.Text.RegularExpressions.Regex RefusedWithIt();

    private sealed record RunFacts(int HandlerCalls, int Crashes, FaultInjector? Faults, IReadOnlyList<double> MemoryMiB);

    /// <summary>The API's windows as the creates fall into them: a window opens with a create and lasts a minute.</summary>
    private static List<(DateTimeOffset Start, int Count)> Windows(IReadOnlyList<DateTimeOffset> creates)
    {
        var windows = new List<(DateTimeOffset Start, int Count)>();
        foreach (var at in creates.Order())
        {
            if (windows.Count == 0 || at >= windows[^1].Start + ApiWindow)
            {
                windows.Add((at, 1));
            }
            else
            {
                windows[^1] = (windows[^1].Start, windows[^1].Count + 1);
            }
        }

        return windows;
    }

    private static Dictionary<string, SeverityTiming> BySeverity(IReadOnlyList<StormAlert> alerts, IReadOnlyList<AlertProbe.Simulator.State.CreatedTest> created, DateTimeOffset start)
    {
        var severityOfTarget = alerts.GroupBy(a => StormAlerts.Url(a.Target), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Severity, StringComparer.Ordinal);
        return severityOfTarget.GroupBy(p => p.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var targets = g.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var times = created.Where(t => targets.Contains(t.Target)).Select(t => (t.CreatedAt - start).TotalSeconds).Order().ToList();
            return times.Count == 0
                ? new SeverityTiming(targets.Count, 0, 0, 0, 0)
                : new SeverityTiming(targets.Count, times.Count, times[0], times[times.Count / 2], times[^1]);
        }, StringComparer.Ordinal);
    }
}
