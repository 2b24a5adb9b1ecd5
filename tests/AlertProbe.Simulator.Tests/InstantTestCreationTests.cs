using System.Net;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

public sealed class InstantTestCreationTests
{
    [Theory]
    [MemberData(nameof(Samples.AllTypes), MemberType = typeof(Samples))]
    public async Task Valid_create_answers_201_with_the_definition_and_its_result_links(string version, string type)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var created = await Calls.CreateAsync(client, version, type);

        var definition = created.Definition;
        Assert.Equal(type, (string?)definition["type"]);
        Assert.False(string.IsNullOrEmpty((string?)definition["testName"]));
        Assert.Contains(created.ResultLinks, link => new Uri(link).AbsolutePath == Samples.PrimaryDataPath(version, type, created.TestId));
        if (version == "v6")
        {
            Assert.Equal("application/json", created.MediaType);
            Assert.Equal(System.Text.Json.JsonValueKind.Number, definition["testId"]!.GetValueKind());
            Assert.Equal(113, (int)definition["agents"]![0]!["agentId"]!);
            Assert.Contains(definition["apiLinks"]!.AsArray(), link => (string?)link!["rel"] == "self");
        }
        else
        {
            Assert.Equal("application/hal+json", created.MediaType);
            Assert.Equal(System.Text.Json.JsonValueKind.String, definition["testId"]!.GetValueKind());
            Assert.False(definition.ContainsKey("agents"), "v7 lists agents only with expand=agent");
            Assert.Equal((string?)definition["_links"]!["self"]!["href"], created.Location?.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Samples.RequiredFields), MemberType = typeof(Samples))]
    public async Task Missing_required_field_answers_400_naming_the_field(string version, string type, string field)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var body = Samples.Body(version, type);
        Remove(body, field);

        var response = await Calls.PostAsync(client, Samples.CreatePath(version, type), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        if (version == "v6")
        {
            Assert.Contains(field + " is required", (string?)response.Json["errorMessage"], StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("application/problem+json", response.MediaType);
            Assert.Contains(response.Json["errors"]!.AsArray(), error => (string?)error!["field"] == field && (string?)error["code"] == "MISSING_FIELD");
        }

        Assert.Empty(sim.State.CreatedTests);
    }

    [Theory]
    [InlineData("v6")]
    [InlineData("v7")]
    public async Task Bgp_is_refused_with_400_as_it_has_no_instant_test(string version)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var response = await Calls.PostAsync(client, Samples.CreatePath(version, "bgp"), Samples.Body(version, "http-server"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("BGP", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v6", "api")]
    [InlineData("v6", "dnssec")]
    [InlineData("v7", "transactions")]
    [InlineData("v7", "dns-dnssec")]
    [InlineData("v7", "no-such-type")]
    public async Task Type_segment_of_the_other_version_is_not_found(string version, string type)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var response = await Calls.PostAsync(client, Samples.CreatePath(version, type), Samples.Body(version, "http-server"));

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Theory]
    [InlineData("v6", "\"113\"")]
    [InlineData("v7", "113")]
    public async Task Agent_id_of_the_wrong_json_type_for_the_version_is_refused(string version, string agentIdJson)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var body = Samples.Body(version, "http-server");
        body["agents"] = JsonNode.Parse($"[{{\"agentId\":{agentIdJson}}}]");

        var response = await Calls.PostAsync(client, Samples.CreatePath(version, "http-server"), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("agents[0].agentId", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v6")]
    [InlineData("v7")]
    public async Task Unknown_agent_id_is_refused(string version)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var response = await Calls.PostAsync(client, Samples.CreatePath(version, "http-server"), Samples.Body(version, "http-server", agentId: "999999"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("999999", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v6", "download")]
    [InlineData("v7", "Download")]
    public async Task Ftp_request_type_must_use_the_case_of_the_version(string version, string requestType)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var body = Samples.Body(version, "ftp-server");
        body["requestType"] = requestType;

        var response = await Calls.PostAsync(client, Samples.CreatePath(version, "ftp-server"), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("requestType", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v6", "[\"ns1.example.net\"]")]
    [InlineData("v7", "[{\"serverName\":\"ns1.example.net\"}]")]
    public async Task Dns_servers_must_use_the_shape_of_the_version(string version, string dnsServersJson)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var body = Samples.Body(version, "dns-server");
        body["dnsServers"] = JsonNode.Parse(dnsServersJson);

        var response = await Calls.PostAsync(client, Samples.CreatePath(version, "dns-server"), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("dnsServers[0]", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V6_agent_to_server_with_icmp_and_a_port_is_refused()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var body = Samples.Body("v6", "agent-to-server");
        body["protocol"] = "ICMP";
        body["port"] = 443;

        var response = await Calls.PostAsync(client, "v6/instant/agent-to-server", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("ICMP", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V6_drops_the_fields_it_ignores_on_instant_tests_from_the_definition()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var body = Samples.Body("v6", "http-server");
        body["interval"] = 300;
        body["alertsEnabled"] = 1;

        var created = await Calls.CreateAsync(client, "v6", "http-server", body);

        Assert.False(created.Definition.ContainsKey("interval"));
        Assert.False(created.Definition.ContainsKey("alertsEnabled"));
    }

    [Fact]
    public async Task Test_name_already_used_in_the_account_group_is_refused()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        var body = Samples.Body("v7", "http-server");
        body["testName"] = "checkout probe";
        await Calls.CreateAsync(client, "v7", "http-server", body);

        var second = await Calls.PostAsync(client, "v7/tests/http-server/instant", body);

        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Contains(second.Json["errors"]!.AsArray(), error => (string?)error!["code"] == "DUPLICATE_NAME");
    }

    [Fact]
    public async Task Malformed_json_body_is_a_400_not_a_server_error()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("v7/tests/http-server/instant", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Created_test_is_recorded_with_type_version_and_one_run()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var created = await Calls.CreateAsync(client, "v6", "dns-dnssec");

        var test = Assert.Single(sim.State.CreatedTests);
        Assert.Equal((created.TestId, "dns-dnssec", Catalog.ApiVersion.V6, 1), (test.TestId, test.TestType, test.ApiVersion, test.RunCount));
        Assert.Equal("www.example.com A", (string?)test.Definition["domain"]);
    }

    private static void Remove(JsonObject body, string field)
    {
        var parts = field.Split('.');
        var parent = parts.Length == 1 ? body : body[parts[0]]!.AsObject();
        parent.Remove(parts[^1]);
    }
}
