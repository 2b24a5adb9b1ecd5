using System.Net;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.State;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Contract;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

/// <summary>
/// Each fault-location situation (issue 16) in the vendor's row shapes: the rows and the path visualisation (summary and
/// the per-agent, per-round detail with hops) are checked against the catalogue transcribed from the v7 OpenAPI
/// (tests/AlertProbe.ThousandEyes.Tests/Contract/Results/result-rows.json, sources named there) and say what the
/// situation means: which agents fail, where traces stop, which server or answer is wrong.
/// </summary>
public sealed class SituationTests
{
    private static readonly string[] ThreeAgents = ["113", "114", "115"];

    [Theory]
    [InlineData("timeout", SituationKind.Target)]
    [InlineData("http-502", SituationKind.Target)]
    [InlineData("loss-30", SituationKind.Target)]
    [InlineData("target-down", SituationKind.TargetDown)]
    [InlineData("agent-local@114", SituationKind.AgentLocal)]
    [InlineData("dns-server-down:ns2.example.net", SituationKind.DnsServerDown)]
    [InlineData("dns-wrong-answer:198.51.100.7", SituationKind.DnsWrongAnswer)]
    [InlineData("path-loss:5:198.51.100.1:2914@114,115", SituationKind.PathLoss)]
    [InlineData("probes-filtered", SituationKind.ProbesFiltered)]
    [InlineData("ipv6-only", SituationKind.Ipv6Only)]
    [InlineData("local-problem@116", SituationKind.AgentLocalProblem)]
    public void Situations_parse_from_their_documented_syntax(string text, SituationKind kind)
    {
        Assert.True(Situation.TryParse(text, out var situation, out var problem), problem);
        Assert.Equal(kind, situation!.Kind);
    }

    [Theory]
    [InlineData("flood", "not a situation")]
    [InlineData("probes-filtered@113", "take @agent ids")]
    [InlineData("path-loss:7", "HOP:IP:ASN")]
    [InlineData("agent-local@abc", "not an agent id")]
    public void A_malformed_situation_is_refused_with_the_accepted_forms(string text, string expected)
    {
        Assert.False(Situation.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_local_fails_one_agent_whose_traces_die_inside_its_own_network()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        sim.State.SetSituation("shop.example.com", Parse("agent-local"));
        var testId = await CreateAsync(client, "http-server", "shop.example.com", ThreeAgents);

        var http = await RowsAsync(client, testId, "http-server");
        var detail = await DetailAsync(client, testId, "113", (long)http[0]["roundId"]!);
        var healthy = await DetailAsync(client, testId, "114", (long)http[0]["roundId"]!);

        Assert.Equal(["Connect", null, null], http.Select(row => (string?)row["errorType"]));
        var hops = Hops(detail);
        Assert.Equal(2, hops.Count);
        Assert.All(hops, hop => Assert.Equal((string?)hops[0]["network"], (string?)hop["network"]));
        Assert.Equal((string?)healthy["serverIp"], (string?)Hops(healthy)[^1]["ipAddress"]);
    }

    [Fact]
    public async Task Dns_server_down_gives_one_row_per_agent_and_server_with_only_that_server_failing()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        sim.State.SetSituation("example.org", Parse("dns-server-down:ns2.example.net"));
        var testId = await CreateAsync(client, "dns-server", "example.org", ["113", "114"], body => body["dnsServers"] = new JsonArray("ns1.example.net", "ns2.example.net"));

        var rows = await RowsAsync(client, testId, "dns-server");

        Assert.Equal(4, rows.Count);
        Assert.All(rows.Where(row => (string?)row["server"] == "ns2.example.net"), row => Assert.StartsWith("Timeout", (string?)row["errorDetails"], StringComparison.Ordinal));
        Assert.All(rows.Where(row => (string?)row["server"] == "ns1.example.net"), row => Assert.Null(row["errorDetails"]));
        Assert.Equal(2, rows.Count(row => (string?)row["server"] == "ns1.example.net" && row["mappings"] is not null));
    }

    [Fact]
    public async Task Dns_wrong_answer_answers_the_given_address_from_every_agent()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        sim.State.SetSituation("example.org", Parse("dns-wrong-answer"));
        var testId = await CreateAsync(client, "dns-server", "example.org", ["113", "114"]);

        var rows = await RowsAsync(client, testId, "dns-server");

        Assert.All(rows, row => Assert.StartsWith(Situation.DefaultWrongAnswer, (string?)row["mappings"], StringComparison.Ordinal));
        Assert.All(rows, row => Assert.Null(row["errorDetails"]));
    }

    [Fact]
    public async Task Path_loss_stops_the_affected_agents_traces_at_the_given_hop_and_spares_the_first_agent()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        sim.State.SetSituation("shop.example.com", Parse("path-loss"));
        var testId = await CreateAsync(client, "http-server", "shop.example.com", ThreeAgents);

        var summary = await RowsAsync(client, testId, "path-vis");
        var round = (long)summary[0]["roundId"]!;
        var ends = summary.ToDictionary(row => (string)row["agent"]!["agentId"]!, row => row["pathTraces"]![0]!);
        var lost = Hops(await DetailAsync(client, testId, "114", round))[^1];
        var spared = Hops(await DetailAsync(client, testId, "113", round)).Select(hop => (string?)hop["ipAddress"]).ToList();

        Assert.Equal((Situation.DefaultLossIp, 7), ((string?)ends["114"]["ipAddress"], (int)ends["114"]["numberOfHops"]!));
        Assert.Equal((Situation.DefaultLossIp, 7), ((string?)ends["115"]["ipAddress"], (int)ends["115"]["numberOfHops"]!));
        Assert.Equal((7, Situation.DefaultLossIp, Situation.DefaultLossNetwork), ((int)lost["hop"]!, (string?)lost["ipAddress"], (string?)lost["network"]));
        Assert.DoesNotContain(Situation.DefaultLossIp, spared);
        Assert.Equal((string?)summary[0]["serverIp"], spared[^1]);
    }

    [Fact]
    public async Task Probes_filtered_loses_every_network_probe_while_http_answers()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        sim.State.SetSituation("shop.example.com", Parse("probes-filtered"));
        var testId = await CreateAsync(client, "http-server", "shop.example.com", ThreeAgents);

        var http = await RowsAsync(client, testId, "http-server");
        var network = await RowsAsync(client, testId, "network");

        Assert.All(http, row => Assert.Equal(200, (int)row["responseCode"]!));
        Assert.All(network, row => Assert.Equal((100.0, null), ((double)row["loss"]!, row["avgLatency"])));
    }

    [Fact]
    public async Task Ipv6_only_fails_the_affected_agents_on_an_ipv6_address_while_the_first_uses_ipv4()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        sim.State.SetSituation("shop.example.com", Parse("ipv6-only"));
        var testId = await CreateAsync(client, "http-server", "shop.example.com", ThreeAgents);

        var http = await RowsAsync(client, testId, "http-server");
        var families = http.Select(row => IPAddress.Parse((string)row["serverIp"]!).AddressFamily.ToString()).ToList();

        Assert.Equal(["InterNetwork", "InterNetworkV6", "InterNetworkV6"], families);
        Assert.Equal([null, "Connect", "Connect"], http.Select(row => (string?)row["errorType"]));
    }

    [Fact]
    public async Task Target_down_times_out_from_every_agent_while_the_traces_reach_the_target()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        sim.State.SetSituation("shop.example.com", Parse("target-down"));
        var testId = await CreateAsync(client, "http-server", "shop.example.com", ["113", "114"]);

        var http = await RowsAsync(client, testId, "http-server");
        var detail = await DetailAsync(client, testId, "114", (long)http[0]["roundId"]!);

        Assert.All(http, row => Assert.Equal("Connect", (string?)row["errorType"]));
        Assert.Equal((string?)detail["serverIp"], (string?)Hops(detail)[^1]["ipAddress"]);
    }

    [Fact]
    public async Task The_v6_detailed_path_trace_lists_routes_with_hops_in_the_documented_shape()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        sim.State.SetSituation("shop.example.com", Parse("path-loss"));
        var created = await Calls.CreateAsync(client, "v6", "http-server", WithAgents(Samples.Body("v6", "http-server", target: "shop.example.com"), ThreeAgents, v6: true));
        var summary = (await Calls.GetAsync(client, $"v6/net/path-vis/{created.TestId}")).Json["net"]!["pathVis"]!.AsArray();
        var round = (long)summary[0]!["roundId"]!;

        var response = await Calls.GetAsync(client, $"v6/net/path-vis/{created.TestId}/114/{round}");

        var row = response.Json["net"]!["pathVis"]![0]!.AsObject();
        var problems = new List<string>(ContractCatalogue.Nested("path-vis.detail", "v6")!.Mismatches(row));
        foreach (var route in row["routes"]!.AsArray().Select(node => node!.AsObject()))
        {
            problems.AddRange(ContractCatalogue.Nested("path-vis.route", "v6")!.Mismatches(route));
            problems.AddRange(route["hops"]!.AsArray().SelectMany(hop => ContractCatalogue.Nested("path-vis.hop", "v6")!.Mismatches(hop!.AsObject())));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(Situation.DefaultLossIp, (string?)row["routes"]![0]!["hops"]!.AsArray()[^1]!["ipAddress"]);
    }

    [Fact]
    public async Task Local_problem_fails_one_agent_and_lists_it_in_the_vendors_local_problems_shape()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        sim.State.SetSituation("shop.example.com", Parse("local-problem"));
        var testId = await CreateAsync(client, "http-server", "shop.example.com", ThreeAgents);

        var http = await RowsAsync(client, testId, "http-server");
        var detail = await DetailAsync(client, testId, "113", (long)http[0]["roundId"]!);
        var response = await Calls.GetAsync(client, "v7/agents/local-problems?startDate=2025-01-15T11:00:00Z&endDate=2025-01-15T13:00:00Z");

        var body = response.Json.AsObject();
        var problems = new List<string>(ContractCatalogue.Shape("v7.agents.local-problems").Mismatches(body));
        var listed = body["localProblems"]!.AsArray().Select(node => node!.AsObject()).ToList();
        problems.AddRange(listed.SelectMany(problem => ContractCatalogue.Shape("v7.agents.local-problem").Mismatches(problem)
            .Concat(ContractCatalogue.Shape("v7.agents.local-problem.agent").Mismatches(problem["agent"]!.AsObject()))));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(["Connect", null, null], http.Select(row => (string?)row["errorType"]));
        Assert.Equal(("113", true, null), ((string?)listed.Single()["agent"]!["agentId"], (bool)listed.Single()["active"]!, listed.Single()["endDate"]));
        var hops = Hops(detail);
        Assert.NotEqual((string?)hops[0]["network"], (string?)hops[^1]["network"]);
    }

    [Fact]
    public async Task Without_a_local_problem_situation_no_agent_is_listed()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        await CreateAsync(client, "http-server", "shop.example.com", ThreeAgents);

        var response = await Calls.GetAsync(client, "v7/agents/local-problems");

        Assert.Empty(response.Json["localProblems"]!.AsArray());
    }

    [Fact]
    public async Task A_detail_for_an_agent_outside_the_test_is_not_found()
    {
        await using var sim = await StartAsync();
        using var client = sim.CreateClient();
        var testId = await CreateAsync(client, "http-server", "shop.example.com", ["113"]);

        var response = await client.GetAsync(new Uri($"v7/test-results/{testId}/path-vis/agent/999/round/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<SimulatorFixture> StartAsync() => SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });

    private static Situation Parse(string text) =>
        Situation.TryParse(text, out var situation, out var problem) ? situation! : throw new InvalidOperationException(problem);

    private static async Task<string> CreateAsync(HttpClient client, string type, string target, string[] agents, Action<JsonObject>? change = null)
    {
        var body = WithAgents(Samples.Body("v7", type, target: target), agents, v6: false);
        change?.Invoke(body);
        return (await Calls.CreateAsync(client, "v7", type, body)).TestId;
    }

    private static JsonObject WithAgents(JsonObject body, string[] agents, bool v6)
    {
        body["agents"] = new JsonArray([.. agents.Select(id => (JsonNode)new JsonObject { ["agentId"] = v6 ? JsonValue.Create(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(id) })]);
        return body;
    }

    /// <summary>A v7 family's rows, each checked against the catalogued row shape (and its agent) first.</summary>
    private static async Task<List<JsonObject>> RowsAsync(HttpClient client, string testId, string family)
    {
        var rows = (await Calls.GetAsync(client, $"v7/test-results/{testId}/{family}")).Json["results"]!.AsArray().Select(node => node!.AsObject()).ToList();
        var problems = rows.SelectMany(row => ContractCatalogue.Row(family, "v7")!.Mismatches(row)
            .Concat(ContractCatalogue.Nested("agent", "v7")!.Mismatches(row["agent"]!.AsObject()))
            .Concat(family == "path-vis" ? row["pathTraces"]!.AsArray().SelectMany(trace => ContractCatalogue.Nested("path-vis.trace", "v7")!.Mismatches(trace!.AsObject())) : [])).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>The v7 per-agent, per-round detail row, checked against the catalogued detail, route and hop shapes.</summary>
    private static async Task<JsonObject> DetailAsync(HttpClient client, string testId, string agentId, long round)
    {
        var response = await Calls.GetAsync(client, $"v7/test-results/{testId}/path-vis/agent/{agentId}/round/{round}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var row = Assert.Single(response.Json["results"]!.AsArray())!.AsObject();
        var problems = new List<string>(ContractCatalogue.Nested("path-vis.detail", "v7")!.Mismatches(row));
        foreach (var route in row["pathTraces"]!.AsArray().Select(node => node!.AsObject()))
        {
            problems.AddRange(ContractCatalogue.Nested("path-vis.route", "v7")!.Mismatches(route));
            problems.AddRange(route["hops"]!.AsArray().SelectMany(hop => ContractCatalogue.Nested("path-vis.hop", "v7")!.Mismatches(hop!.AsObject())));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal(3, row["pathTraces"]!.AsArray().Count);
        return row;
    }

    private static List<JsonNode> Hops(JsonObject detail) => [.. detail["pathTraces"]![0]!["hops"]!.AsArray().Select(hop => hop!)];
}
