using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.State;
using AlertProbe.Testing.Contract;
using AlertProbe.Testing.Simulator;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;

namespace AlertProbe.ThousandEyes.Tests.Contract.Responses;

/// <summary>
/// Every simulator response is checked against the catalogue transcribed from the vendor's sources
/// (Contract/Results/result-rows.json, Contract/Responses/response-shapes.json): a field the vendor does not list, or
/// lists with another JSON type, fails the test, so the simulator cannot agree with a client mistake.
/// </summary>
public sealed class SimulatorContractTests
{
    public static TheoryData<string, string> TypesAndVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { ThousandEyesApiVersion.V6, ThousandEyesApiVersion.V7 })
        {
            foreach (var type in InstantTestType.AvailableIn(version))
            {
                data.Add(Name(version), type.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypesAndVersions))]
    public async Task Create_responses_and_result_rows_of_healthy_and_broken_runs_match_the_catalogue(string versionName, string typeName)
    {
        var version = versionName == "v6" ? ThousandEyesApiVersion.V6 : ThousandEyesApiVersion.V7;
        await using var sim = await SimulatorFixture.StartAsync(new Simulator.SimulatorOptions { ResultDelay = TimeSpan.Zero });
        await using var host = ClientHost.Create(sim.BaseAddress, version, sim.Time);
        var type = InstantTestType.Parse(typeName);
        var request = InstantTestSamples.Request(type, testName: $"contract-{versionName}-{typeName}") with
        {
            Agents = [new InstantTestAgent(InstantTestSamples.SourceAgent), new InstantTestAgent("201")],
        };
        var created = await host.Client.CreateInstantTestAsync(request);
        Assert.True(created.IsSuccess, created.Error?.Message);

        // Fields the request sent come back echoed: their names and types are the request catalogue's business, so only
        // what the response adds or nests is checked here.
        var sent = InstantTestSerializer.For(version).Serialize(request).Body.Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var added = created.Value!.Definition.DeepClone().AsObject();
        foreach (var field in sent.Where(field => field != "agents"))
        {
            added.Remove(field);
        }

        var problems = new List<string>(CreateProblems(version, typeName, added));
        var target = sim.State.FindTest(created.Value.TestId)!.Target;
        sim.State.BreakTarget(target, TargetFailure.HttpError);
        sim.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await host.Client.RerunInstantTestAsync(created.Value.TestId)).IsSuccess);
        sim.State.BreakTarget(target, TargetFailure.DnsFailure);
        sim.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await host.Client.RerunInstantTestAsync(created.Value.TestId)).IsSuccess);

        using var http = Authorized(sim);
        foreach (var link in created.Value.ResultLinks)
        {
            var separator = link.Href.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var body = JsonNode.Parse(await http.GetStringAsync(new Uri($"{link.Href}{separator}window=1h")))!.AsObject();
            problems.AddRange(ResultProblems(version, link.Family!.Name, body));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("v6")]
    [InlineData("v7")]
    public async Task Agent_lists_match_the_catalogue(string version)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var http = Authorized(sim);

        var body = JsonNode.Parse(await http.GetStringAsync(new Uri($"{version}/agents", UriKind.Relative)))!.AsObject();

        var problems = new List<string>(ContractCatalogue.Shape($"{version}.agents.list").Mismatches(body));
        foreach (var agent in body["agents"]!.AsArray().Select(node => node!.AsObject()))
        {
            var shape = version == "v6" ? "v6.agents.agent" : (string?)agent["agentType"] == "cloud" ? "v7.agents.cloud" : "v7.agents.enterprise";
            problems.AddRange(ContractCatalogue.Shape(shape).Mismatches(agent));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("v6", "v6.error")]
    [InlineData("v7", "v7.error.unauthorized")]
    public async Task A_401_body_matches_the_catalogue(string version, string shape)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sim.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        using var response = await http.GetAsync(new Uri($"{version}/agents", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal([], ContractCatalogue.Shape(shape).Mismatches(body));
        Assert.Equal(ContractCatalogue.Shape(shape).Fields.Keys.Order(StringComparer.Ordinal), body.Select(pair => pair.Key).Order(StringComparer.Ordinal));
    }

    // v7 Instant Tests API runInstantTest: 200 with no body; v6 docs "Instant test rerun": 200, no body.
    [Theory]
    [InlineData("v6")]
    [InlineData("v7")]
    public async Task A_rerun_answers_200_with_an_empty_body(string version)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(sim.BaseAddress, version == "v6" ? ThousandEyesApiVersion.V6 : ThousandEyesApiVersion.V7, sim.Time);
        var created = await host.Client.CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer, testName: "contract-rerun-" + version));
        using var http = Authorized(sim);

        using var response = await http.PostAsync(new Uri(version == "v6" ? $"v6/instant/{created.Value!.TestId}/rerun" : $"v7/tests/{created.Value!.TestId}/run", UriKind.Relative), null);

        Assert.Equal((HttpStatusCode.OK, ""), (response.StatusCode, await response.Content.ReadAsStringAsync()));
    }

    private static IEnumerable<string> CreateProblems(ThousandEyesApiVersion version, string type, JsonObject definition)
    {
        if (version == ThousandEyesApiVersion.V7)
        {
            foreach (var problem in ContractCatalogue.Shape($"v7.create.{type}").Mismatches(definition))
            {
                yield return problem;
            }

            foreach (var agent in (definition["agents"] as JsonArray ?? []).Select(node => node!.AsObject()))
            {
                foreach (var problem in ContractCatalogue.Shape("v7.create.agent").Mismatches(agent))
                {
                    yield return problem;
                }
            }

            foreach (var problem in ContractCatalogue.Shape("v7.create.links").Mismatches(definition["_links"]!.AsObject()))
            {
                yield return problem;
            }

            yield break;
        }

        foreach (var agent in definition["agents"]!.AsArray().Select(node => node!.AsObject()))
        {
            foreach (var problem in ContractCatalogue.Shape("v6.create.agent").Mismatches(agent))
            {
                yield return problem;
            }
        }

        foreach (var link in definition["apiLinks"]!.AsArray().Select(node => node!.AsObject()))
        {
            foreach (var problem in ContractCatalogue.Shape("v6.create.link").Mismatches(link))
            {
                yield return problem;
            }
        }
    }

    private static List<string> ResultProblems(ThousandEyesApiVersion version, string family, JsonObject body)
    {
        var rowShape = ContractCatalogue.Row(family, Name(version)) ?? throw new Xunit.Sdk.XunitException($"no catalogued {Name(version)} {family} rows");
        JsonArray rows;
        var problems = new List<string>();
        if (version == ThousandEyesApiVersion.V7)
        {
            problems.AddRange(ContractCatalogue.Shape("v7.results.envelope").Mismatches(body));
            problems.AddRange(ContractCatalogue.Shape("v7.results.test").Mismatches(body["test"]!.AsObject()));
            problems.AddRange(ContractCatalogue.Shape("v7.results.links").Mismatches(body["_links"]!.AsObject()));
            rows = body["results"]!.AsArray();
            foreach (var agent in rows.Select(row => row!["agent"]).OfType<JsonObject>())
            {
                problems.AddRange(ContractCatalogue.Shape("v7.results.agent").Mismatches(agent));
            }
        }
        else
        {
            var areaAndList = ContractCatalogue.Shape("v6.results.lists").Fields[family].Split('/');
            var unexpected = body.Select(pair => pair.Key).Where(key => key != "pages" && key != areaAndList[0]).ToList();
            problems.AddRange(unexpected.Select(key => $"v6 {family} results: top-level '{key}' is not in the documented envelope"));
            var area = body[areaAndList[0]]!.AsObject();
            problems.AddRange(area.Select(pair => pair.Key).Where(key => key != "test" && key != areaAndList[1]).Select(key => $"v6 {family} results: '{areaAndList[0]}.{key}' is not the documented list '{areaAndList[1]}'"));
            rows = area[areaAndList[1]] as JsonArray ?? [];
        }

        if (rows.Count == 0)
        {
            problems.Add($"{Name(version)} {family}: no rows to check");
        }

        foreach (var row in rows.Select(node => node!.AsObject()))
        {
            problems.AddRange(rowShape.Mismatches(row));
        }

        return problems;
    }

    private static HttpClient Authorized(SimulatorFixture sim)
    {
        var http = new HttpClient { BaseAddress = sim.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sim.Options.BearerToken);
        return http;
    }

    private static string Name(ThousandEyesApiVersion version) => version == ThousandEyesApiVersion.V6 ? "v6" : "v7";
}
