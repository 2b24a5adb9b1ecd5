using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;

namespace AlertProbe.ThousandEyes.Tests.Requests;

public sealed class InstantTestSerializerTests
{
    private static readonly InstantTestRequest AgentToServer = new()
    {
        Type = InstantTestType.AgentToServer,
        Agents = [new InstantTestAgent("113"), new InstantTestAgent("201", "10.0.0.5")],
        Fields = new JsonObject
        {
            ["server"] = "example.com",
            ["protocol"] = "tcp",
            ["port"] = "443",
            ["probeMode"] = "sack",
            ["mtuMeasurements"] = true,
            ["bandwidthMeasurements"] = 0,
            ["interval"] = 60,
        },
        TestName = "probe example.com",
    };

    [Fact]
    public void V6_writes_integer_ids_upper_case_enums_and_0_1_booleans()
    {
        // v6 agent entries have no sourceIpAddress (thousandeyes-sdk-go v2 Agent).
        var wire = InstantTestSerializer.V6.Serialize(AgentToServer with { Agents = [new InstantTestAgent("113"), new InstantTestAgent("201")] });

        AssertJson(
            """
            {"server":"example.com","protocol":"TCP","port":443,"probeMode":"SACK","mtuMeasurements":1,"bandwidthMeasurements":0,
             "testName":"probe example.com","agents":[{"agentId":113},{"agentId":201}]}
            """,
            wire.Body);
    }

    [Fact]
    public void V7_writes_string_ids_lower_case_enums_and_real_booleans()
    {
        var wire = InstantTestSerializer.V7.Serialize(AgentToServer);

        AssertJson(
            """
            {"server":"example.com:443","protocol":"tcp","probeMode":"sack","mtuMeasurements":true,"bandwidthMeasurements":false,
             "testName":"probe example.com","agents":[{"agentId":"113"},{"agentId":"201","sourceIpAddress":"10.0.0.5"}]}
            """,
            wire.Body);
    }

    // Instant Tests API 7.0.100, AgentToServerInstantTestRequest: no port field; server is "host" or "host:port".
    [Theory]
    [InlineData("example.com", 443, "example.com:443")]
    [InlineData("example.com:8443", null, "example.com:8443")]
    [InlineData("192.0.2.7", "25", "192.0.2.7:25")]
    [InlineData("2001:db8::7", 443, "[2001:db8::7]:443")]
    [InlineData("[2001:db8::7]", 443, "[2001:db8::7]:443")]
    [InlineData("[2001:db8::7]:443", 443, "[2001:db8::7]:443")]
    public void V7_agent_to_server_carries_the_port_in_server_and_sends_no_port_field(string server, object? port, string expected)
    {
        var fields = new JsonObject { ["server"] = server, ["protocol"] = "tcp" };
        if (port is not null)
        {
            fields["port"] = JsonValue.Create(port);
        }

        var wire = InstantTestSerializer.V7.Serialize(InstantTestSamples.Request(InstantTestType.AgentToServer, fields));

        Assert.Equal((expected, false), (wire.Body["server"]!.GetValue<string>(), wire.Body.ContainsKey("port")));
    }

    [Fact]
    public void V7_agent_to_server_refuses_a_port_that_disagrees_with_the_one_in_server()
    {
        var fields = new JsonObject { ["server"] = "example.com:8443", ["port"] = 443 };

        var validation = InstantTestRequestValidator.Validate(InstantTestSamples.Request(InstantTestType.AgentToServer, fields), ThousandEyesApiVersion.V7);

        Assert.Contains(validation.Problems, p => p.Field == "port" && p.Message.Contains("server", StringComparison.Ordinal));
    }

    [Fact]
    public void V6_agent_to_server_keeps_port_as_its_own_field()
    {
        var fields = new JsonObject { ["server"] = "example.com", ["port"] = "443" };

        var wire = InstantTestSerializer.V6.Serialize(InstantTestSamples.Request(InstantTestType.AgentToServer, fields));

        Assert.Equal(("example.com", 443L), (wire.Body["server"]!.GetValue<string>(), wire.Body["port"]!.GetValue<long>()));
    }

    [Fact]
    public void Ignored_fields_are_left_out_and_reported_as_dropped()
    {
        var wire = InstantTestSerializer.V7.Serialize(AgentToServer);

        Assert.False(wire.Body.ContainsKey("interval"));
        Assert.Equal(["interval"], wire.DroppedFields);
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6, "v6/instant/dns-dnssec")]
    [InlineData(ThousandEyesApiVersion.V7, "v7/tests/dnssec/instant")]
    public void The_create_path_uses_the_versions_type_name(ThousandEyesApiVersion version, string path) =>
        Assert.Equal(path, InstantTestSerializer.For(version).Serialize(InstantTestSamples.Request(InstantTestType.Dnssec)).Path);

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6, "v6/instant/7000001/rerun")]
    [InlineData(ThousandEyesApiVersion.V7, "v7/tests/7000001/run")]
    public void The_rerun_path_follows_the_version(ThousandEyesApiVersion version, string path) =>
        Assert.Equal(path, InstantTestSerializer.For(version).RerunPath("7000001"));

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6, """[{"serverName":"ns1.example.com"},{"serverName":"ns2.example.com"}]""")]
    [InlineData(ThousandEyesApiVersion.V7, """["ns1.example.com","ns2.example.com"]""")]
    public void Dns_servers_take_the_versions_shape_whatever_shape_they_came_in(ThousandEyesApiVersion version, string expected)
    {
        var fields = new JsonObject
        {
            ["domain"] = "example.com A",
            ["dnsServers"] = new JsonArray("ns1.example.com", new JsonObject { ["serverName"] = "ns2.example.com" }),
        };

        var wire = InstantTestSerializer.For(version).Serialize(InstantTestSamples.Request(InstantTestType.DnsServer, fields));

        AssertJson(expected, wire.Body["dnsServers"]!);
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6, "Download")]
    [InlineData(ThousandEyesApiVersion.V7, "download")]
    public void The_ftp_request_type_takes_the_versions_case(ThousandEyesApiVersion version, string expected)
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.FtpServer);
        fields["requestType"] = "DOWNLOAD";

        var wire = InstantTestSerializer.For(version).Serialize(InstantTestSamples.Request(InstantTestType.FtpServer, fields));

        Assert.Equal(expected, wire.Body["requestType"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6, "114")]
    [InlineData(ThousandEyesApiVersion.V7, "\"114\"")]
    public void The_target_agent_id_takes_the_versions_type(ThousandEyesApiVersion version, string expected)
    {
        var wire = InstantTestSerializer.For(version).Serialize(InstantTestSamples.Request(InstantTestType.Voice));

        Assert.Equal(expected, wire.Body["targetAgentId"]!.ToJsonString());
    }

    [Fact]
    public void V6_sip_server_also_carries_port_and_registrar_at_the_top_level()
    {
        var wire = InstantTestSerializer.V6.Serialize(InstantTestSamples.Request(InstantTestType.SipServer));

        Assert.Equal((5060L, "sip.example.com", "TCP"), (wire.Body["port"]!.GetValue<long>(), wire.Body["sipRegistrar"]!.GetValue<string>(), wire.Body["targetSipCredentials"]!["protocol"]!.GetValue<string>()));
    }

    [Fact]
    public void Serialising_leaves_the_callers_fields_untouched()
    {
        var before = AgentToServer.Fields.ToJsonString();

        InstantTestSerializer.V7.Serialize(AgentToServer);

        Assert.Equal(before, AgentToServer.Fields.ToJsonString());
    }

    [Fact]
    public void An_invalid_request_cannot_be_serialised()
    {
        var request = InstantTestSamples.Request(InstantTestType.HttpServer, []);

        var error = Assert.Throws<ArgumentException>(() => InstantTestSerializer.V7.Serialize(request));

        Assert.Contains("url is required for http-server", error.Message, StringComparison.Ordinal);
    }

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {JsonNode.Parse(expected)!.ToJsonString()}, got {actual.ToJsonString()}");
}
