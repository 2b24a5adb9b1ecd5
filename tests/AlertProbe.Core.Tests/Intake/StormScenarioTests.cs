using AlertProbe.Benchmarks.Storm;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// The storm scenario of <c>dotnet run --project tests/AlertProbe.Benchmarks -- storm</c> in a short mode: the
/// accounting must be exact (one test per key, nothing lost or doubled, no 429 once the budget knows the window).
/// Only counts are checked, never times.
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class StormScenarioTests(AzuriteFixture azurite)
{
    // 400 alerts over 60 targets at 24 tests a minute: three API windows, the first two full.
    private static readonly StormSettings Short = new() { Messages = 400, Targets = 60 };

    [Fact]
    public async Task A_short_storm_creates_one_test_per_target_and_loses_and_doubles_nothing()
    {
        var report = await StormScenario.RunAsync(Short);

        AssertExactAccounting(report);
    }

    [Fact]
    public async Task A_short_storm_on_table_storage_creates_one_test_per_target_and_loses_and_doubles_nothing()
    {
        var report = await StormScenario.RunAsync(Short with { Store = StormStore.Tables, TablesConnectionString = azurite.ConnectionString });

        AssertExactAccounting(report);
    }

    private static void AssertExactAccounting(StormReport report)
    {
        Assert.Equal(60, report.DistinctKeys);
        Assert.Equal(report.DistinctKeys, report.Created);
        Assert.Equal(0, report.Lost);
        Assert.Equal(0, report.Duplicates);
        Assert.Equal(0, report.DeadLettered);
        Assert.Equal(report.Messages - report.Created, report.Coalesced);
        Assert.Equal(0, report.Http429AfterFirstWindow);
        Assert.Equal([24, 24, 12], report.CreatesPerWindow);
    }

    [Fact]
    public async Task In_a_short_storm_each_claim_waiting_for_the_budget_is_scheduled_once_and_nothing_else_waits()
    {
        var report = await StormScenario.RunAsync(Short);

        // 400 deliveries, plus one copy per claim beyond the first window's 24 (the coalesced alerts never wait).
        Assert.Equal(report.Messages + (report.DistinctKeys - 24), report.HandlerCalls);
    }

    [Fact]
    public async Task In_a_short_storm_the_storage_requests_stay_under_two_and_a_half_per_alert()
    {
        var report = await StormScenario.RunAsync(Short);

        // A coalesced alert writes its row (onto a known test) or its row and the claim's ETag in one transaction,
        // without reading the claim this instance just wrote; claims, leases and the budget cost the rest (about ten per
        // key: with under 7 alerts a key here, they weigh far more than in a real storm).
        Assert.True(report.TableRequestsPerAlert < 2.5, $"{report.TableRequests} storage requests for {report.Messages} alerts");
    }

    [Fact]
    public async Task In_a_short_storm_on_table_storage_the_http_requests_stay_under_two_and_a_half_per_alert()
    {
        var report = await StormScenario.RunAsync(Short with { Store = StormStore.Tables, TablesConnectionString = azurite.ConnectionString });

        Assert.True(report.TableRequestsPerAlert < 2.5, $"{report.TableRequests} Table Storage requests for {report.Messages} alerts");
    }

    [Fact]
    public async Task In_a_short_storm_the_waiting_copies_come_back_one_at_a_time()
    {
        var report = await StormScenario.RunAsync(Short);

        Assert.Equal(1, report.MaxDueAtOnce);
    }

    [Fact]
    public async Task In_a_mixed_storm_the_critical_alerts_tests_are_created_before_the_warnings_that_waited()
    {
        // The warnings are on the queue first: 18 take the first window (the rest is the reserve), the others wait.
        var report = await StormScenario.RunAsync(Short with { Mixed = true });

        AssertExactAccounting(report);
        var critical = report.BySeverity!["critical"];
        var warning = report.BySeverity!["warning"];
        Assert.True(critical.LastCreatedAt < warning.LastCreatedAt, $"last critical test at {critical.LastCreatedAt} s, last warning at {warning.LastCreatedAt} s");
        Assert.True(critical.MedianCreatedAt < warning.MedianCreatedAt, $"median critical test at {critical.MedianCreatedAt} s, warning at {warning.MedianCreatedAt} s");
    }
}
