using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

/// <summary>
/// v7 test snapshots as the vendor specifies them (Test Snapshots API 7.0.100, api-evangelist/thousandeyes
/// openapi/_original/thousandeyes-test-snapshots-openapi.yml, operation createTestSnapshot): the SnapshotRequest,
/// the allowed spans, the end not in the future, 5 per organisation per 5 minutes, 403 where sharing is disabled.
/// </summary>
public sealed class SnapshotTests
{
    /// <summary>The spec's words, as data: required request fields, allowed spans (hours), the limit.</summary>
    private static readonly (string[] Required, int[] SpanHours, int Limit, TimeSpan Window) Spec =
        (["displayName", "startDate", "endDate"], [1, 2, 4, 6, 12, 24, 48], 5, TimeSpan.FromMinutes(5));

    [Fact]
    public async Task A_snapshot_of_an_allowed_span_is_created_with_an_id_and_an_app_link()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var testId = (await Calls.CreateAsync(client, "v7", "http-server")).TestId;

        var created = await Calls.PostAsync(client, $"v7/tests/{testId}/snapshot", Request(sim, TimeSpan.FromHours(Spec.SpanHours[0])));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal((testId, true), ((string?)created.Json["sourceTestId"], ((string?)created.Json["_links"]!["appLink"]!["href"])!.StartsWith("https://", StringComparison.Ordinal)));
        Assert.False(string.IsNullOrEmpty((string?)created.Json["id"]));
    }

    [Theory]
    [InlineData("displayName")]
    [InlineData("startDate")]
    [InlineData("endDate")]
    public async Task A_request_without_a_required_field_is_refused(string field)
    {
        Assert.Contains(field, Spec.Required);
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var testId = (await Calls.CreateAsync(client, "v7", "http-server")).TestId;
        var body = Request(sim, TimeSpan.FromHours(1));
        body.Remove(field);

        var refused = await Calls.PostAsync(client, $"v7/tests/{testId}/snapshot", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(72)]
    public async Task A_span_that_is_not_an_allowed_length_is_refused(int hours)
    {
        Assert.DoesNotContain(hours, Spec.SpanHours);
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var testId = (await Calls.CreateAsync(client, "v7", "http-server")).TestId;

        var refused = await Calls.PostAsync(client, $"v7/tests/{testId}/snapshot", Request(sim, TimeSpan.FromHours(hours)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    [Fact]
    public async Task A_span_ending_in_the_future_is_refused()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var testId = (await Calls.CreateAsync(client, "v7", "http-server")).TestId;

        var refused = await Calls.PostAsync(client, $"v7/tests/{testId}/snapshot", Request(sim, TimeSpan.FromHours(1), endOffset: TimeSpan.FromMinutes(1)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    [Fact]
    public async Task A_sixth_snapshot_inside_five_minutes_is_refused_and_allowed_again_once_the_first_is_five_minutes_old()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var testId = (await Calls.CreateAsync(client, "v7", "http-server")).TestId;
        for (var i = 0; i < Spec.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Calls.PostAsync(client, $"v7/tests/{testId}/snapshot", Request(sim, TimeSpan.FromHours(1)))).Status);
            sim.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var sixth = await Calls.PostAsync(client, $"v7/tests/{testId}/snapshot", Request(sim, TimeSpan.FromHours(1)));
        sim.Time.Advance(Spec.Window - TimeSpan.FromSeconds(10 * Spec.Limit));
        var later = await Calls.PostAsync(client, $"v7/tests/{testId}/snapshot", Request(sim, TimeSpan.FromHours(1)));

        Assert.Equal((HttpStatusCode.TooManyRequests, "250", HttpStatusCode.Created), (sixth.Status, sixth.Header("Retry-After"), later.Status));
    }

    [Fact]
    public async Task Where_sharing_is_disabled_a_snapshot_is_forbidden()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.State.Snapshots.SharingDisabled = true;
        using var client = sim.CreateClient();
        var testId = (await Calls.CreateAsync(client, "v7", "http-server")).TestId;

        var refused = await Calls.PostAsync(client, $"v7/tests/{testId}/snapshot", Request(sim, TimeSpan.FromHours(1)));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    private static JsonObject Request(SimulatorFixture sim, TimeSpan span, TimeSpan endOffset = default)
    {
        var end = sim.Time.GetUtcNow() + endOffset;
        return new JsonObject
        {
            ["displayName"] = "AlertProbe snapshot",
            ["startDate"] = (end - span).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["endDate"] = end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
    }
}
