using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.RateLimiting;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// "Not yet" is a scheduled copy on the alerts queue, never a drop or a dead letter. The clock starts mid-second
/// (12:00:07.5) so the API's reset header (whole seconds, rounded up) differs from the budget's own window end.
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeRateLimitTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan IntoTheMinute = TimeSpan.FromMilliseconds(7500);
    private static readonly DateTimeOffset ApiReset = new(2025, 1, 15, 12, 1, 8, TimeSpan.Zero);
    private static readonly BinaryData WwwDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://www.example.com/", "fp-www"));

    [Fact]
    public async Task A_message_beyond_the_budget_is_rescheduled_for_the_reset_instant_the_api_reported()
    {
        await using var host = await StartWithFullWindowAsync();

        var outcome = await host.HandleAsync(AlertPayloads.Message(WwwDown, "msg-3"));

        Assert.Equal(ApiReset, Assert.IsType<IntakeOutcome.Rescheduled>(outcome).At);
    }

    [Fact]
    public async Task A_created_tests_rate_limit_headers_reach_the_budget_through_the_client_pipeline()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options =>
        {
            options.Simulator.InstantTestRateLimitPerMinute = 3;
            options.Settings["RateBudget:Limit"] = "24";
        });
        host.Time.Advance(IntoTheMinute);
        Assert.IsType<IntakeOutcome.Completed>(await host.HandleAsync(AlertPayloads.Message(WwwDown, "msg-1")));

        // The creator took one call of 24; only the API's headers (limit 3, 2 left, reset at ApiReset) can say otherwise.
        var decisions = new List<RateBudgetDecision>();
        for (var i = 0; i < 3; i++)
        {
            decisions.Add(await host.Budget.TryAcquireAsync(AlertSeverity.Critical, CancellationToken.None));
        }

        Assert.Equal(2, decisions.Count(d => d is RateBudgetDecision.Acquired));
        Assert.Equal(new RateBudgetDecision.Exhausted(ApiReset, RateBudgetExhaustion.WindowUsed), decisions[2]);
    }

    [Fact]
    public async Task A_message_beyond_the_budget_calls_nothing_on_ThousandEyes()
    {
        await using var host = await StartWithFullWindowAsync();
        host.State.ClearReceivedRequests();

        await host.HandleAsync(AlertPayloads.Message(WwwDown, "msg-3"));

        Assert.Empty(host.State.ReceivedRequests);
    }

    [Fact]
    public async Task The_rescheduled_copy_waits_on_the_alerts_queue_until_the_reset_with_the_same_body_and_its_origin()
    {
        await using var host = await StartWithFullWindowAsync();

        await host.HandleAsync(AlertPayloads.Message(WwwDown, "msg-3"));

        var copy = Assert.Single(host.Scheduled);
        Assert.Equal(ApiReset, copy.ScheduledFor);
        Assert.Equal(WwwDown.ToArray(), copy.Message.Body.ToArray());
        Assert.Equal("msg-3", copy.Message.ApplicationProperties[MessageProperties.OriginalMessageId]);
        Assert.Equal(1, copy.Message.ApplicationProperties[MessageProperties.RescheduleCount]);
    }

    [Fact]
    public async Task The_rescheduled_copy_creates_the_test_once_the_window_has_reset()
    {
        await using var host = await StartWithFullWindowAsync();
        await host.HandleAsync(AlertPayloads.Message(WwwDown, "msg-3"));
        host.Time.SetUtcNow(ApiReset);
        Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due at the reset");

        var outcome = await host.HandleAsync(copy!.ToReceivedMessage());

        Assert.IsType<IntakeOutcome.Completed>(outcome);
        Assert.Contains(host.State.CreatedTests, test => test.Target == "https://www.example.com/");
    }

    [Fact]
    public async Task A_429_from_ThousandEyes_while_the_budget_has_room_reschedules_for_the_reset_in_its_headers()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Simulator.InstantTestRateLimitPerMinute = 1);
        host.Time.Advance(IntoTheMinute);
        var reset = await SpendTheApiWindowElsewhereAsync(host);

        var outcome = await host.HandleAsync(AlertPayloads.Message(WwwDown, "msg-1"));

        Assert.Equal(reset, Assert.IsType<IntakeOutcome.Rescheduled>(outcome).At);
        Assert.Equal(reset, Assert.Single(host.Scheduled).ScheduledFor);
    }

    [Fact]
    public async Task An_injected_429_reschedules_for_the_reset_in_its_headers_and_creates_nothing()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        host.Time.Advance(IntoTheMinute);
        host.State.FailNextRequests(429, 1, "/instant");

        var outcome = await host.HandleAsync(AlertPayloads.Message(WwwDown, "msg-1"));

        // No window was open: the simulator reports one that would end a minute from now (12:01:07.5, rounded up).
        Assert.Equal(ApiReset, Assert.IsType<IntakeOutcome.Rescheduled>(outcome).At);
        Assert.Empty(host.State.CreatedTests);
    }

    [Fact]
    public async Task A_group_rescheduled_halfway_creates_only_what_is_left_when_the_copy_comes_back()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options =>
        {
            options.Simulator.InstantTestRateLimitPerMinute = 1;
            options.Settings["RateBudget:Limit"] = "1";
        });
        host.Time.Advance(IntoTheMinute);
        var group = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/", "fp-shop"), new BlackboxAlert("https://api.example.com/", "fp-api"));
        Assert.IsType<IntakeOutcome.Rescheduled>(await host.HandleAsync(AlertPayloads.Message(group, "msg-group")));
        host.Time.SetUtcNow(ApiReset);
        Assert.True(host.Bus.TryTakeDue(IntakeHost.AlertsQueue, out var copy), "the copy is due at the reset");

        await host.HandleAsync(copy!.ToReceivedMessage());

        Assert.Equal(
            ["https://api.example.com/", "https://shop.example.com/"],
            host.State.CreatedTests.Select(test => test.Target).Order(StringComparer.Ordinal));
        Assert.Equal(2, host.Published.Count);
    }

    /// <summary>Budget and API both allow two instant tests a minute; two alerts have used them.</summary>
    private async Task<IntakeHost> StartWithFullWindowAsync()
    {
        var host = await IntakeHost.StartAsync(azurite, options =>
        {
            options.Simulator.InstantTestRateLimitPerMinute = 2;
            options.Settings["RateBudget:Limit"] = "2";
        });
        host.Time.Advance(IntoTheMinute);
        foreach (var (url, id) in new[] { ("https://shop.example.com/", "1"), ("https://api.example.com/", "2") })
        {
            var outcome = await host.HandleAsync(AlertPayloads.Message(AlertPayloads.Alertmanager(new BlackboxAlert(url, "fp-" + id)), "msg-" + id));
            Assert.IsType<IntakeOutcome.Completed>(outcome);
        }

        return host;
    }

    /// <summary>Another user of the same organisation creates an instant test; returns the reset its response names.</summary>
    private static async Task<DateTimeOffset> SpendTheApiWindowElsewhereAsync(IntakeHost host)
    {
        using var other = host.Simulator.CreateClient();
        var body = new JsonObject
        {
            ["testName"] = "someone else's test",
            ["url"] = "https://elsewhere.example.net/",
            ["agents"] = new JsonArray(new JsonObject { ["agentId"] = "115" }),
        };
        using var response = await other.PostAsJsonAsync("v7/tests/http-server/instant", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reset = long.Parse(response.Headers.GetValues("X-Instant-Test-Rate-Limit-Reset").Single(), CultureInfo.InvariantCulture);
        return DateTimeOffset.FromUnixTimeSeconds(reset);
    }
}
