using AlertProbe.Benchmarks.Storm;
using AlertProbe.Benchmarks.Storm.Faults;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// The fault matrix (issue 15; docs/reliability.md): a short storm through the real intake meets one fault at a time,
/// and every input message must be accounted for exactly: completed (with its test published, coalesced onto one, or
/// refused with the claim it rode on), dead-lettered with a reason, or still scheduled; no test created twice; every
/// created test published, except those the intake itself declares lost (<c>TestIdLost</c>, named in a dead-letter).
/// Runs are seeded and sequential, so each row replays the same faults.
/// </summary>
public sealed class FaultMatrixTests
{
    private static readonly StormSettings Short = new() { Messages = 300, Targets = 30 };

    public static TheoryData<string, string> Rows => new()
    {
        { "ApiServerErrors=0.3", "api.5xx" },
        { "ApiServerErrors=1", "api.5xx" },
        { "ApiErrorsAfterProcessing=0.2", "api.502-after-processing" },
        { "ApiResets=0.3", "api.reset" },
        { "ApiTimeouts=0.3", "api.timeout" },
        { "ApiSlow=0.3", "api.slow" },
        { "ApiSlow=0.2;ApiSlowSeconds=45", "api.slow" },
        { "ApiRateLimited=0.2", "api.429" },
        { "ApiRateLimitedBare=0.2", "api.429-bare" },
        { "ApiUnauthorizedFirst=10", "api.401" },
        { "StoreBusy=0.05", "store.503" },
        { "StoreBusy=0.2", "store.503" },
        { "StoreBusy=0.4", "store.503" },
        { "StoreConflicts=0.2", "store.412" },
        { "StoreOutage=200..400", "store.outage" },
        { "StoreOutage=100..3000", "store.outage" },
        { "StoreBusy=0.2;PublishFailures=0.3;CrashAfterRecord=0.3", "store.503" },
        { "PublishFailures=0.2", "bus.publish" },
        { "ScheduleFailures=0.5;Seed=1", "bus.schedule" },
        { "ScheduleFailures=1", "bus.schedule" },
        { "CrashAfterClaim=0.2", "crash.after-claim" },
        { "CrashAfterCreate=0.2", "crash.after-create" },
        { "CrashAfterRecord=0.2", "crash.after-record" },
        { "CrashAfterPublish=0.2", "crash.after-publish" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Under_one_fault_every_message_is_accounted_for_and_no_test_is_created_twice(string fault, string injectedKind)
    {
        var report = await StormScenario.RunAsync(Short with { Faults = FaultPlan.With(new FaultPlan(), fault) });

        Assert.True(report.Faults!.GetValueOrDefault(injectedKind) > 0, $"the row never injected {injectedKind}: {Describe(report)}");
        AssertExactAccounting(report);
    }

    [Fact]
    public async Task A_short_soak_with_every_fault_mixed_in_accounts_for_every_message()
    {
        var report = await StormScenario.RunAsync(new StormSettings { Messages = 2_000, Targets = 100, Faults = FaultPlan.Soak(5) });

        Assert.True(report.Faults!.Count >= 8, $"the soak's mix injected few kinds: {Describe(report)}");
        AssertExactAccounting(report);
    }

    [Fact]
    public async Task A_rotated_token_makes_messages_wait_for_the_credential_circuit_instead_of_dead_lettering_them()
    {
        var report = await StormScenario.RunAsync(Short with { Faults = new FaultPlan { ApiUnauthorizedFirst = 10 } });

        // Before: abandoned at once on every delivery inside the open period, 30 claimants were dead-lettered after ten
        // tries and the 270 alerts coalesced onto their claims never got a test.
        Assert.Equal((0, report.DistinctKeys), (report.DeadLettered, report.Created));
    }

    [Fact]
    public async Task A_crash_between_the_201_and_the_ledger_never_creates_the_test_again_from_a_rescheduled_copy()
    {
        var report = await StormScenario.RunAsync(Short with { Faults = new FaultPlan { CrashAfterCreate = 0.2 } });

        // Before: the copy scheduled for the dead delivery's lease had a new enqueue time, so a new test name, and
        // created the test a second time.
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(report.Faults!["crash.after-create"], report.TestIdLost);
    }

    [Fact]
    public async Task With_the_api_down_for_good_the_last_delivery_dead_letters_and_gives_up_each_claim_so_no_alert_rides_on_a_dead_one()
    {
        var report = await StormScenario.RunAsync(new StormSettings { Messages = 60, Targets = 3, Faults = new FaultPlan { ApiServerErrors = 1 } });

        // Before: the broker dead-lettered the claimants (MaxDeliveryCountExceeded), their claims stayed pending, and the
        // later alerts for the same targets coalesced onto them and completed with no test and no word of them anywhere.
        Assert.Equal(0, report.Lost);
        Assert.Equal(report.Messages, report.DeadLettered + report.RefusedWithClaim);
    }

    [Fact]
    public async Task A_storage_outage_longer_than_the_queues_deliveries_dead_letters_nothing()
    {
        var report = await StormScenario.RunAsync(Short with { Faults = new FaultPlan { StoreOutage = 100..3000 } });

        // Before: every delivery inside the outage threw and came back at once, so the broker dead-lettered the messages
        // it met after ten deliveries (MaxDeliveryCountExceeded); now each backs off and is handled once storage is back.
        Assert.Equal((0, report.DistinctKeys, report.Messages), (report.DeadLettered, report.Published, report.Completed));
    }

    [Fact]
    public async Task With_a_fifth_of_store_calls_failing_no_alert_coalesced_onto_a_test_is_left_off_it()
    {
        var report = await StormScenario.RunAsync(Short with { Faults = new FaultPlan { StoreBusy = 0.2 } });

        // Before: 27 of 300 were lost: when both the created record and the claim's completion failed, the test was
        // published without the alerts that had coalesced onto its claim.
        Assert.Equal((0, 0, 0), (report.Lost, report.DeadLettered, report.TestIdLost));
    }

    private static void AssertExactAccounting(StormReport report)
    {
        var facts = Describe(report);
        Assert.True(report.Completed + report.DeadLettered + report.Scheduled == report.Messages, $"settlements do not add up: {facts}");
        Assert.True(report.Lost == 0, $"lost messages: {facts}");
        Assert.True(report.Duplicates == 0, $"tests created twice: {facts}");
        Assert.True(report.CreatedUnpublished == report.TestIdLost, $"created tests neither published nor declared lost: {facts}");
        Assert.True(report.Published + report.TestIdLost == report.Created, $"created tests unaccounted for: {facts}");
    }

    private static string Describe(StormReport report) =>
        System.Text.Json.JsonSerializer.Serialize(report, StormJsonContext.Default.StormReport);
}
