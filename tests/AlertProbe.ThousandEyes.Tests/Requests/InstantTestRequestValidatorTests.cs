using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;

namespace AlertProbe.ThousandEyes.Tests.Requests;

public sealed class InstantTestRequestValidatorTests
{
    public static TheoryData<string, ThousandEyesApiVersion> Types => InstantTestSamples.TypesOfBothVersions();

    public static TheoryData<string, ThousandEyesApiVersion, string> RequiredFields => InstantTestSamples.RequiredFieldsOfBothVersions();

    [Theory]
    [MemberData(nameof(Types))]
    public void A_complete_request_of_every_type_is_valid_in_its_versions(string typeName, ThousandEyesApiVersion version)
    {
        var validation = InstantTestRequestValidator.Validate(InstantTestSamples.Request(InstantTestType.Parse(typeName)), version);

        Assert.Empty(validation.Problems);
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void A_missing_required_field_is_named(string typeName, ThousandEyesApiVersion version, string field)
    {
        var type = InstantTestType.Parse(typeName);
        var request = InstantTestSamples.Request(type, InstantTestSamples.Without(InstantTestSamples.ValidFields(type), field));

        var validation = InstantTestRequestValidator.Validate(request, version);

        var problem = Assert.Single(validation.Problems);
        Assert.Equal((field, $"{field} is required for {typeName}"), (problem.Field, problem.Message));
    }

    [Fact]
    public void Bgp_is_refused_as_not_supported_for_instant_tests()
    {
        var request = InstantTestRequest.Create("bgp", new JsonObject { ["prefix"] = "192.0.2.0/24" }, ["113"]);

        var problem = Assert.Single(InstantTestRequestValidator.Validate(request, ThousandEyesApiVersion.V7).Problems);

        Assert.Contains("'bgp' is not supported for instant tests", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_type_is_refused_listing_the_supported_ones()
    {
        var request = InstantTestRequest.Create("ping", [], ["113"]);

        var problem = Assert.Single(InstantTestRequestValidator.Validate(request, ThousandEyesApiVersion.V6).Problems);

        Assert.Equal(
            "testType 'ping' is unknown; supported for API v6: agent-to-agent, agent-to-server, http-server, page-load, transactions, web-transactions, ftp-server, dns-trace, dns-server, dns-dnssec, sip-server, voice",
            problem.Message);
    }

    [Theory]
    [InlineData("transactions", ThousandEyesApiVersion.V7)]
    [InlineData("api", ThousandEyesApiVersion.V6)]
    public void A_type_missing_from_the_version_is_refused(string typeName, ThousandEyesApiVersion version)
    {
        var request = InstantTestSamples.Request(InstantTestType.Parse(typeName));

        var problem = Assert.Single(InstantTestRequestValidator.Validate(request, version).Problems);

        Assert.StartsWith($"testType {typeName} is not available as an instant test in API", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_integer_agent_id_is_refused_for_v6_only()
    {
        var request = InstantTestRequest.Create("http-server", new JsonObject { ["url"] = "https://example.com" }, ["agent-a"]);

        var v6 = InstantTestRequestValidator.Validate(request, ThousandEyesApiVersion.V6);
        var v7 = InstantTestRequestValidator.Validate(request, ThousandEyesApiVersion.V7);

        Assert.Equal(["agents[0].agentId must be an integer for API v6"], v6.Problems.Select(p => p.Message));
        Assert.Empty(v7.Problems);
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var request = InstantTestRequest.Create("agent-to-server", new JsonObject { ["port"] = 70000, ["numPathTraces"] = 11 }, ["x"]);

        var validation = InstantTestRequestValidator.Validate(request, ThousandEyesApiVersion.V6);

        Assert.Equal(["agents[0].agentId", "server", "port", "numPathTraces"], validation.Problems.Select(p => p.Field));
    }

    [Fact]
    public void No_agents_is_a_problem()
    {
        var request = InstantTestRequest.Create("http-server", new JsonObject { ["url"] = "https://example.com" }, []);

        Assert.Equal(["agents"], InstantTestRequestValidator.Validate(request, ThousandEyesApiVersion.V7).Problems.Select(p => p.Field));
    }

    [Fact]
    public void Fields_the_instant_api_ignores_are_reported_as_dropped_not_as_problems()
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.HttpServer);
        fields["interval"] = 60;
        fields["alertsEnabled"] = true;
        fields["bgpMeasurements"] = 1;

        var validation = InstantTestRequestValidator.Validate(InstantTestSamples.Request(InstantTestType.HttpServer, fields), ThousandEyesApiVersion.V6);

        Assert.True(validation.IsValid);
        Assert.Equal(["interval", "alertsEnabled", "bgpMeasurements"], validation.DroppedFields);
    }

    [Theory]
    [InlineData("icmp", ThousandEyesApiVersion.V6)]
    [InlineData("ICMP", ThousandEyesApiVersion.V7)]
    public void A_port_with_icmp_is_refused(string protocol, ThousandEyesApiVersion version)
    {
        var fields = new JsonObject { ["server"] = "example.com", ["protocol"] = protocol, ["port"] = 80 };

        var validation = InstantTestRequestValidator.Validate(InstantTestSamples.Request(InstantTestType.AgentToServer, fields), version);

        Assert.Equal(["port cannot be used with protocol ICMP (ICMP has no ports)"], validation.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Udp_agent_to_server_is_refused_for_v6_and_accepted_for_v7()
    {
        var request = InstantTestSamples.Request(InstantTestType.AgentToServer, new JsonObject { ["server"] = "example.com", ["protocol"] = "udp" });

        Assert.Equal(["protocol"], InstantTestRequestValidator.Validate(request, ThousandEyesApiVersion.V6).Problems.Select(p => p.Field));
        Assert.Empty(InstantTestRequestValidator.Validate(request, ThousandEyesApiVersion.V7).Problems);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData("http")]
    public void A_port_outside_1_to_65535_is_refused(object port)
    {
        var fields = new JsonObject { ["server"] = "example.com", ["port"] = JsonValue.Create(port) };

        var problem = Assert.Single(InstantTestRequestValidator.Validate(InstantTestSamples.Request(InstantTestType.AgentToServer, fields), ThousandEyesApiVersion.V7).Problems);

        Assert.Equal(("port", true), (problem.Field, problem.Message.StartsWith("port must be", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("http-server", "example.com/health")]
    [InlineData("http-server", "ftp://example.com/")]
    [InlineData("page-load", "/relative")]
    public void Web_test_urls_must_be_absolute_http_or_https(string typeName, string url)
    {
        var type = InstantTestType.Parse(typeName);
        var fields = InstantTestSamples.ValidFields(type);
        fields["url"] = url;

        var problem = Assert.Single(InstantTestRequestValidator.Validate(InstantTestSamples.Request(type, fields), ThousandEyesApiVersion.V6).Problems);

        Assert.Equal($"url must be an absolute http or https URL for {typeName}", problem.Message);
    }

    [Fact]
    public void An_ftp_request_type_outside_the_list_is_refused_naming_the_v6_spelling()
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.FtpServer);
        fields["requestType"] = "delete";

        var problem = Assert.Single(InstantTestRequestValidator.Validate(InstantTestSamples.Request(InstantTestType.FtpServer, fields), ThousandEyesApiVersion.V6).Problems);

        Assert.Equal("requestType must be one of Download, Upload, List for ftp-server on API v6", problem.Message);
    }

    [Fact]
    public void A_password_value_never_appears_in_a_problem()
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.FtpServer);
        fields["password"] = "hunter2-secret";
        fields["url"] = "not a url hunter2-secret";
        fields["requestType"] = "hunter2-secret";

        var validation = InstantTestRequestValidator.Validate(InstantTestSamples.Request(InstantTestType.FtpServer, fields), ThousandEyesApiVersion.V7);

        Assert.DoesNotContain(validation.Problems, p => p.Message.Contains("hunter2", StringComparison.Ordinal));
    }
}
