using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Tests.FollowUp.Support;
using AlertProbe.Core.Tests.FollowUp.WriteBack;
using AlertProbe.Simulator.State;

namespace AlertProbe.Core.Tests.FollowUp.Snapshots;

/// <summary>
/// Degraded and failing runs get a shareable ThousandEyes snapshot (against the simulator's v7 snapshot endpoint and its
/// 5-per-5-minutes limit), linked from replies and write-backs; when none can be made, the app link and the reason.
/// </summary>
public sealed class RunSnapshotTests
{
    [Fact]
    public async Task A_failing_run_carries_a_snapshot_link_in_its_results_reply_and_write_back_and_makes_one_snapshot_under_redelivery()
    {
        await using var tool = await WriteBackReceiver.StartAsync();
        await using var host = await FollowUpHost.StartAsync(WriteBackTests.Settings(WriteBackKind.PagerDuty, tool.BaseAddress));
        host.Simulator.State.BreakTarget("snap.example.com", TargetFailure.HttpError);
        await host.CreateTestAsync(
            "https://snap.example.com/",
            replyTo: new ReplyAddress { Kind = ReplyKind.Slack, Url = host.Receiver.Url("/commands/T1/2/x") },
            adjust: created => created with { WriteBack = WriteBackTests.TargetsFor(WriteBackKind.PagerDuty).Targets });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync(deliveries: 3);

        var results = CollectResultsHandlerTests.Published(host);
        var snapshot = Assert.Single(host.Simulator.State.Snapshots.Created);
        var link = results.Snapshot?.Link;
        Assert.NotNull(link);
        Assert.Equal((TimeSpan.FromHours(1), true), (snapshot.EndDate - snapshot.StartDate, snapshot.EndDate <= host.Time.GetUtcNow()));
        var slack = JsonNode.Parse(Assert.Single(host.Receiver.Replies).Body)!;
        var button = slack["blocks"]!.AsArray().Single(block => (string?)block!["type"] == "actions")!["elements"]![0]!;
        var note = (string)JsonNode.Parse(Assert.Single(tool.Requests).Body)!["note"]!["content"]!;
        Assert.Equal((link.AbsoluteUri, true), ((string?)button["url"], note.Contains("Snapshot: " + link.AbsoluteUri, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_healthy_run_makes_no_snapshot()
    {
        await using var host = await FollowUpHost.StartAsync();
        await host.CreateTestAsync("https://fine.example.com/");
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        Assert.Equal((TestVerdict.Healthy, (RunSnapshot?)null, 0), (CollectResultsHandlerTests.Published(host).Verdict, CollectResultsHandlerTests.Published(host).Snapshot, host.Simulator.State.Snapshots.Created.Count));
    }

    [Fact]
    public async Task A_sixth_snapshot_inside_five_minutes_falls_back_to_the_app_link_with_the_reason()
    {
        await using var tool = await WriteBackReceiver.StartAsync();
        await using var host = await FollowUpHost.StartAsync(WriteBackTests.Settings(WriteBackKind.PagerDuty, tool.BaseAddress));
        host.Simulator.State.BreakTarget("sixth.example.com", TargetFailure.HttpError);
        var created = await host.CreateTestAsync(
            "https://sixth.example.com/",
            adjust: test => test with { WriteBack = WriteBackTests.TargetsFor(WriteBackKind.PagerDuty).Targets });
        host.Time.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 5; i++)
        {
            var now = host.Time.GetUtcNow();
            var made = await host.Client.CreateTestSnapshotAsync(created.TestId, $"earlier {i}", now.AddHours(-1), now);
            Assert.True(made.IsSuccess, made.Error?.Message);
        }

        await host.DeliverDueAsync();

        var results = CollectResultsHandlerTests.Published(host);
        var note = (string)JsonNode.Parse(Assert.Single(tool.Requests).Body)!["note"]!["content"]!;
        Assert.Equal((TestVerdict.Failing, (Uri?)null, 5), (results.Verdict, results.Snapshot?.Link, host.Simulator.State.Snapshots.Created.Count));
        Assert.Contains("5 snapshots per organisation per 5 minutes", results.Snapshot!.Unavailable, StringComparison.Ordinal);
        Assert.True(
            note.Contains("ThousandEyes: " + results.AppLink!.AbsoluteUri, StringComparison.Ordinal) && note.Contains(results.Snapshot.Unavailable!, StringComparison.Ordinal),
            $"the write-back lacks the app link or the reason: {note}");
    }

    [Fact]
    public async Task A_5xx_on_the_snapshot_create_is_not_retried_and_the_reply_and_write_back_link_the_app_with_the_reason()
    {
        await using var tool = await WriteBackReceiver.StartAsync();
        await using var host = await FollowUpHost.StartAsync(WriteBackTests.Settings(WriteBackKind.PagerDuty, tool.BaseAddress));
        host.Simulator.State.BreakTarget("snap-500.example.com", TargetFailure.HttpError);
        await host.CreateTestAsync(
            "https://snap-500.example.com/",
            replyTo: new ReplyAddress { Kind = ReplyKind.Slack, Url = host.Receiver.Url("/commands/T1/2/y") },
            adjust: created => created with { WriteBack = WriteBackTests.TargetsFor(WriteBackKind.PagerDuty).Targets });
        host.Time.Advance(TimeSpan.FromMinutes(1));
        // One 500 only: the host's client retries other calls (ThousandEyes:MaxRetryAttempts 2), so a retried create would succeed.
        host.Simulator.State.FailNextRequests(500, 1, "/snapshot");

        await host.DeliverDueAsync(deliveries: 3);

        var results = CollectResultsHandlerTests.Published(host);
        var posts = host.Simulator.State.ReceivedRequests.Count(request => request.Method == "POST" && request.PathAndQuery.Contains("/snapshot", StringComparison.Ordinal));
        Assert.Equal((1, 0, (Uri?)null), (posts, host.Simulator.State.Snapshots.Created.Count, results.Snapshot?.Link));
        var why = results.Snapshot!.Unavailable!;
        Assert.Contains("status 500", why, StringComparison.Ordinal);
        Assert.Contains("not retried", why, StringComparison.Ordinal);
        var slack = JsonNode.Parse(Assert.Single(host.Receiver.Replies).Body)!;
        var button = slack["blocks"]!.AsArray().Single(block => (string?)block!["type"] == "actions")!["elements"]![0]!;
        var note = (string)JsonNode.Parse(Assert.Single(tool.Requests).Body)!["note"]!["content"]!;
        Assert.Equal(results.AppLink!.AbsoluteUri, (string?)button["url"]);
        Assert.Contains(Strings(slack), text => text.Contains(why, StringComparison.Ordinal));
        Assert.True(
            note.Contains("ThousandEyes: " + results.AppLink.AbsoluteUri, StringComparison.Ordinal) && note.Contains(why, StringComparison.Ordinal),
            $"the write-back lacks the app link or the reason: {note}");
    }

    [Fact]
    public async Task Where_sharing_is_refused_the_reply_says_so()
    {
        await using var host = await FollowUpHost.StartAsync();
        host.Simulator.State.Snapshots.SharingDisabled = true;
        host.Simulator.State.BreakTarget("private.example.com", TargetFailure.HttpError);
        await host.CreateTestAsync("https://private.example.com/", replyTo: new ReplyAddress { Kind = ReplyKind.Teams, Url = host.Receiver.Url("/workflows/abc") });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var card = JsonNode.Parse(Assert.Single(host.Receiver.Replies).Body)!["attachments"]![0]!["content"]!;
        Assert.Contains(card["body"]!.AsArray(), block => ((string?)block!["text"])?.Contains("sharing is disabled", StringComparison.Ordinal) == true);
        Assert.Equal(CollectResultsHandlerTests.Published(host).AppLink!.AbsoluteUri, (string?)card["actions"]![0]!["url"]);
    }

    /// <summary>Every string value of a JSON document (the serialized form escapes some characters).</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject item => item.SelectMany(property => Strings(property.Value)),
        JsonArray items => items.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
