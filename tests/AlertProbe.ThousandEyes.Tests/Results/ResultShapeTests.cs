using System.Net;
using AlertProbe.ThousandEyes.Results;
using AlertProbe.ThousandEyes.Tests.Fixtures;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using static AlertProbe.ThousandEyes.Tests.Infrastructure.CannedClient;

namespace AlertProbe.ThousandEyes.Tests.Results;

public sealed class ResultShapeTests
{
    private static CannedHandler V7TwoPages() => new((request, _) => CannedHandler.Json(
        HttpStatusCode.OK,
        request.RequestUri!.Query.Contains("cursor=", StringComparison.Ordinal) ? RealShapes.V7NetworkPage2 : RealShapes.V7NetworkPage1,
        "application/hal+json"));

    [Fact]
    public async Task V7_rows_take_the_agent_from_the_nested_agent_object()
    {
        var results = await Create(V7TwoPages(), ThousandEyesApiVersion.V7).GetTestResultsAsync("7301946", TestResultFamily.Network);

        Assert.Equal([("4410", "Lyon, France", "FR"), ("9021", "branch-oslo-02", "NO")],
            results.Value!.Rows.Select(row => (row.AgentId, row.AgentName, row.CountryId)));
    }

    [Fact]
    public async Task V7_rows_give_the_epoch_round_id_and_the_iso_date()
    {
        var results = await Create(V7TwoPages(), ThousandEyesApiVersion.V7).GetTestResultsAsync("7301946", TestResultFamily.Network);

        var row = results.Value!.Rows[0];
        Assert.Equal((1736942400L, new DateTimeOffset(2025, 1, 15, 12, 0, 7, TimeSpan.Zero), 12.4),
            (row.RoundId, row.Date, (double)row.Raw["avgLatency"]!));
    }

    [Fact]
    public async Task V7_results_follow_the_next_link_of_the_hal_envelope()
    {
        var handler = V7TwoPages();

        var results = await Create(handler, ThousandEyesApiVersion.V7).GetTestResultsAsync("7301946", TestResultFamily.Network);

        Assert.Equal((2, 2, "7301946"), (results.Value!.PagesFetched, handler.Requests.Count, (string?)results.Value.Test!["testId"]));
    }

    [Fact]
    public async Task A_v7_envelope_without_a_results_list_is_an_empty_success()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.OK, RealShapes.V7NoResultsYet, "application/hal+json"));

        var results = await Create(handler, ThousandEyesApiVersion.V7).GetTestResultsAsync("7301946", TestResultFamily.HttpServer);

        Assert.Equal((true, 0), (results.IsSuccess, results.Value?.Rows.Count));
    }

    [Fact]
    public async Task V6_rows_are_found_in_the_area_whatever_order_the_list_and_test_come_in()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.OK, RealShapes.V6HttpServer));

        var results = await Create(handler, ThousandEyesApiVersion.V6).GetTestResultsAsync("55120", TestResultFamily.HttpServer);

        Assert.Equal([("4410", 1736942400L), ("9021", 1736942400L)], results.Value!.Rows.Select(row => (row.AgentId, row.RoundId)));
    }

    [Fact]
    public async Task V6_errorType_None_is_dropped_so_a_successful_row_names_no_failed_phase()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.OK, RealShapes.V6HttpServer));

        var results = await Create(handler, ThousandEyesApiVersion.V6).GetTestResultsAsync("55120", TestResultFamily.HttpServer);

        Assert.Equal([null, "Connect"], results.Value!.Rows.Select(row => (string?)row.Raw["errorType"]));
    }

    [Fact]
    public async Task V6_dates_without_a_zone_are_read_as_utc()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.OK, RealShapes.V6HttpServer));

        var results = await Create(handler, ThousandEyesApiVersion.V6).GetTestResultsAsync("55120", TestResultFamily.HttpServer);

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 12, 0, 7, TimeSpan.Zero), results.Value!.Rows[0].Date);
    }
}
