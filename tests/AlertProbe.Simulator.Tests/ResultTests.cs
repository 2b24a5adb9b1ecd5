using System.Net;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.State;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

public sealed class ResultTests
{
    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public async Task Every_result_link_is_empty_before_the_delay_and_has_one_result_per_agent_after(string version, string type)
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.FromSeconds(30) });
        using var client = sim.CreateClient();
        var body = Samples.Body(version, type);
        body["agents"]!.AsArray().Add(new JsonObject { ["agentId"] = version == "v6" ? JsonValue.Create(201) : JsonValue.Create("201") });
        var created = await Calls.CreateAsync(client, version, type, body);

        sim.Time.Advance(TimeSpan.FromSeconds(29));
        var early = await Task.WhenAll(created.ResultLinks.Select(link => Calls.GetAsync(client, link)));
        sim.Time.Advance(TimeSpan.FromSeconds(1));
        var ready = await Task.WhenAll(created.ResultLinks.Select(link => Calls.GetAsync(client, link)));

        Assert.All(early, response => Assert.Empty(Results(version, response)));
        Assert.All(ready, response => Assert.Equal(["113", "201"], Results(version, response).Select(result => AgentId(version, result!))));
    }

    [Fact]
    public async Task V7_results_have_the_documented_envelope_and_network_fields()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v7", "agent-to-server");

        var response = await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/network");

        var json = response.Json.AsObject();
        Assert.Equal(["results", "test", "startDate", "endDate", "_links"], json.Select(pair => pair.Key));
        var result = json["results"]![0]!.AsObject();
        Assert.Equal(created.TestId, (string?)json["test"]!["testId"]);
        Assert.Equal("Ashburn, VA", (string?)result["agent"]!["agentName"]);
        Assert.All(["serverIp", "loss", "avgLatency", "minLatency", "maxLatency", "jitter", "roundId", "date"], field => Assert.True(result.ContainsKey(field), field));
    }

    [Fact]
    public async Task V6_results_have_the_documented_envelope_and_http_fields()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v6", "http-server");

        var response = await Calls.GetAsync(client, $"v6/web/http-server/{created.TestId}.json");

        var result = response.Json["web"]!["httpServer"]![0]!.AsObject();
        Assert.Equal(1, (int)response.Json["pages"]!["current"]!);
        Assert.Equal(113, (int)result["agentId"]!);
        Assert.Equal(200, (int)result["responseCode"]!);
        Assert.All(["dnsTime", "connectTime", "sslTime", "waitTime", "receiveTime", "responseTime", "totalTime", "wireSize", "throughput"],
            field => Assert.True(result.ContainsKey(field), field));
    }

    // Sources: v7 Test Results API schemas Test_Results_API_PageLoadTestResult (no responseCode/errorType),
    // Test_Results_API_ApiTestResult (apiTransactionTime, no totalTime), Test_Results_API_SipServerTestResult
    // (problemDetail), Test_Results_API_DnsTraceTestResult (finalQueryTime, no resolutionTime).
    [Theory]
    [InlineData("page-load", "page-load", "pageLoadTime", "responseCode")]
    [InlineData("api", "api", "apiTransactionTime", "totalTime")]
    [InlineData("dns-trace", "dns-trace", "finalQueryTime", "resolutionTime")]
    [InlineData("sip-server", "sip-server", "registerTime", "errorDetails")]
    public async Task V7_rows_carry_the_vendors_field_names(string type, string family, string present, string absent)
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v7", type);

        var row = (await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/{family}")).Json["results"]![0]!.AsObject();

        Assert.Equal((true, false), (row.ContainsKey(present), row.ContainsKey(absent)));
    }

    [Fact]
    public async Task V7_does_not_accept_a_json_suffix()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v7", "http-server");

        var response = await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/http-server.json");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Theory]
    [InlineData("v6")]
    [InlineData("v7")]
    public async Task Rerun_adds_a_round_with_its_own_round_id(string version)
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.FromSeconds(20) });
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, version, "agent-to-server");
        sim.Time.Advance(TimeSpan.FromSeconds(30));
        var rerun = await Calls.PostAsync(client, version == "v6" ? $"v6/instant/{created.TestId}/rerun" : $"v7/tests/{created.TestId}/run");
        sim.Time.Advance(TimeSpan.FromSeconds(20));

        var all = await Calls.GetAsync(client, (version == "v6" ? $"v6/net/metrics/{created.TestId}" : $"v7/test-results/{created.TestId}/network") + "?window=1h");
        var latest = await Calls.GetAsync(client, version == "v6" ? $"v6/net/metrics/{created.TestId}" : $"v7/test-results/{created.TestId}/network");

        Assert.Equal((HttpStatusCode.OK, ""), (rerun.Status, rerun.Text));
        var roundIds = Results(version, all).Select(result => (long)result!["roundId"]!).ToList();
        Assert.Equal(2, roundIds.Distinct().Count());
        Assert.Equal(roundIds.Max(), (long)Assert.Single(Results(version, latest))!["roundId"]!);
        Assert.Equal(2, sim.State.FindTest(created.TestId)!.RunCount);
    }

    [Fact]
    public async Task Results_are_the_same_every_time_they_are_read()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v7", "voice");

        var first = await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/rtp-server");
        var second = await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/rtp-server");

        Assert.Equal(first.Json["results"]!.ToJsonString(), second.Json["results"]!.ToJsonString());
    }

    [Fact]
    public async Task V7_pages_through_results_with_the_next_link()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero, ResultPageSize = 2 });
        using var client = sim.CreateClient();
        var body = Samples.Body("v7", "agent-to-server");
        body["agents"] = new JsonArray(new[] { "113", "114", "115", "116", "117" }.Select(id => (JsonNode)new JsonObject { ["agentId"] = id }).ToArray());
        var created = await Calls.CreateAsync(client, "v7", "agent-to-server", body);

        var agents = new List<string>();
        string? next = $"v7/test-results/{created.TestId}/network";
        var pages = 0;
        while (next is not null)
        {
            var page = await Calls.GetAsync(client, next);
            agents.AddRange(page.Json["results"]!.AsArray().Select(result => (string)result!["agent"]!["agentId"]!));
            next = (string?)page.Json["_links"]!["next"]?["href"];
            pages++;
        }

        Assert.Equal(["113", "114", "115", "116", "117"], agents);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task V6_pages_through_results_with_pages_next()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero, ResultPageSize = 1 });
        using var client = sim.CreateClient();
        var body = Samples.Body("v6", "dns-trace");
        body["agents"] = new JsonArray(new JsonObject { ["agentId"] = 113 }, new JsonObject { ["agentId"] = 202 });
        var created = await Calls.CreateAsync(client, "v6", "dns-trace", body);

        var first = await Calls.GetAsync(client, $"v6/dns/trace/{created.TestId}");
        var second = await Calls.GetAsync(client, (string)first.Json["pages"]!["next"]!);

        Assert.Equal(113, (int)first.Json["dns"]!["trace"]![0]!["agentId"]!);
        Assert.Equal(202, (int)second.Json["dns"]!["trace"]![0]!["agentId"]!);
        Assert.Null(second.Json["pages"]!["next"]);
    }

    [Fact]
    public async Task Window_together_with_an_explicit_range_is_refused()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v7", "dns-trace");

        var response = await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/dns-trace?window=1h&startDate=2025-01-15T11:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Results_of_a_family_the_test_type_does_not_produce_are_refused()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v7", "dns-trace");

        var response = await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/http-server");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task Results_of_an_unknown_test_are_not_found()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var response = await Calls.GetAsync(client, "v7/test-results/123/network");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Fact]
    public async Task Result_delay_can_be_changed_while_running()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.FromMinutes(10) });
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, "v7", "http-server");

        sim.State.ResultDelay = TimeSpan.Zero;

        Assert.Single((await Calls.GetAsync(client, created.ResultLinks[0])).Json["results"]!.AsArray());
    }

    private static JsonArray Results(string version, ApiResponse response)
    {
        Assert.True(response.Status == HttpStatusCode.OK, response.Text);
        if (version == "v7")
        {
            return response.Json["results"]!.AsArray();
        }

        var area = response.Json.AsObject().First(pair => pair.Key is "net" or "web" or "dns" or "voice").Value!.AsObject();
        return area.First(pair => pair.Key != "test").Value!.AsArray();
    }

    private static string AgentId(string version, JsonNode result) =>
        version == "v7" ? (string)result["agent"]!["agentId"]! : ((long)result["agentId"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
