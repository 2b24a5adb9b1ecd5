using System.Text.Json;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

/// <summary>
/// Shapes checked against the vendor's material: the v6 developer docs (hashlock/v6 test_data and agents pages) and the
/// v7 SDK models (thousandeyes/thousandeyes-sdk-python: HttpTestResult, NetworkTestResult, TestResultAgent, TestLinks).
/// </summary>
public sealed class RealShapeTests
{
    [Fact]
    public async Task V6_http_server_success_rows_say_errorType_None_as_the_documented_example_does()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v6", "http-server");

        var response = await Calls.GetAsync(client, $"v6/web/http-server/{created.TestId}");

        Assert.Equal("None", (string?)response.Json["web"]!["httpServer"]![0]!["errorType"]);
    }

    [Fact]
    public async Task V7_http_server_success_rows_carry_no_errorType()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v7", "http-server");

        var response = await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/http-server");

        Assert.False(response.Json["results"]![0]!.AsObject().ContainsKey("errorType"));
    }

    [Fact]
    public async Task V7_result_rows_nest_the_agent_and_carry_an_epoch_round_id_and_an_iso_date()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v7", "agent-to-server");

        var row = (await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/network")).Json["results"]![0]!;

        Assert.Equal(
            (JsonValueKind.String, JsonValueKind.Number, true, true),
            (row["agent"]!["agentId"]!.GetValueKind(), row["roundId"]!.GetValueKind(),
             DateTimeOffset.TryParse((string?)row["date"], System.Globalization.CultureInfo.InvariantCulture, out _),
             ((string?)row["date"])!.EndsWith('Z')));
    }

    [Fact]
    public async Task V7_create_links_its_results_as_a_list_of_href_objects_and_itself_as_one()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var links = (await Calls.CreateAsync(client, "v7", "agent-to-server")).Definition["_links"]!;

        Assert.Equal((JsonValueKind.Array, JsonValueKind.Object, JsonValueKind.String),
            (links["testResults"]!.GetValueKind(), links["self"]!.GetValueKind(), links["testResults"]![0]!["href"]!.GetValueKind()));
    }
}
