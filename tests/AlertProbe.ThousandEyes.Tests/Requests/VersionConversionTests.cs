using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;

namespace AlertProbe.ThousandEyes.Tests.Requests;

/// <summary>
/// Per-version spellings and JSON types. v7: Instant Tests API 7.0.100 (TestDscpId, VoiceProperties.codecId,
/// TestDirection, TestPathTraceMode, TestDnsTransportProtocol, TestAuthType, TestSslVersionId, ...). v6: the vendor's v6
/// Go SDK (thousandeyes-sdk-go v2.4.3) types and the v6 Terraform provider (v2.0.10 schemas.go) value lists.
/// </summary>
public sealed class VersionConversionTests
{
    [Theory]
    [InlineData(ThousandEyesApiVersion.V6, 46, "46")]
    [InlineData(ThousandEyesApiVersion.V6, "46", "46")]
    [InlineData(ThousandEyesApiVersion.V7, 46, "\"46\"")]
    [InlineData(ThousandEyesApiVersion.V7, "46", "\"46\"")]
    public void DscpId_is_an_integer_in_v6_and_a_digit_string_in_v7(ThousandEyesApiVersion version, object given, string expected)
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.AgentToAgent);
        fields["dscpId"] = JsonValue.Create(given);

        Assert.Equal(expected, Wire(version, InstantTestType.AgentToAgent, fields)["dscpId"]!.ToJsonString());
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6, "3")]
    [InlineData(ThousandEyesApiVersion.V7, "\"3\"")]
    public void Voice_codecId_is_an_integer_in_v6_and_a_string_in_v7(ThousandEyesApiVersion version, string expected)
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.Voice);
        fields["codecId"] = 3;

        Assert.Equal(expected, Wire(version, InstantTestType.Voice, fields)["codecId"]!.ToJsonString());
    }

    [Theory]
    [InlineData(ThousandEyesApiVersion.V6, "6")]
    [InlineData(ThousandEyesApiVersion.V7, "\"6\"")]
    public void SslVersionId_is_an_integer_in_v6_and_a_digit_string_in_v7(ThousandEyesApiVersion version, string expected)
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.HttpServer);
        fields["sslVersionId"] = "6";

        Assert.Equal(expected, Wire(version, InstantTestType.HttpServer, fields)["sslVersionId"]!.ToJsonString());
    }

    [Theory]
    [InlineData("agent-to-agent", "direction", "to-target", "TO_TARGET", "to-target")]
    [InlineData("agent-to-agent", "direction", "FROM_TARGET", "FROM_TARGET", "from-target")]
    [InlineData("agent-to-agent", "pathTraceMode", "in-session", "inSession", "in-session")]
    [InlineData("agent-to-server", "pathTraceMode", "inSession", "inSession", "in-session")]
    [InlineData("agent-to-server", "probeMode", "sack", "SACK", "sack")]
    [InlineData("agent-to-server", "protocol", "ICMP", "ICMP", "icmp")]
    [InlineData("dns-server", "dnsTransportProtocol", "tcp", "TCP", "tcp")]
    [InlineData("dns-trace", "dnsTransportProtocol", "UDP", "UDP", "udp")]
    [InlineData("http-server", "authType", "ntlm", "NTLM", "ntlm")]
    [InlineData("page-load", "authType", "Basic", "BASIC", "basic")]
    [InlineData("ftp-server", "requestType", "upload", "Upload", "upload")]
    [InlineData("agent-to-agent", "protocol", "udp", "UDP", "udp")]
    public void Enum_values_take_each_versions_spelling(string typeName, string field, string given, string v6, string v7)
    {
        var type = InstantTestType.Parse(typeName);
        var fields = InstantTestSamples.ValidFields(type);
        fields.Remove("port");
        fields[field] = given;

        Assert.Equal((v6, v7), (
            Wire(ThousandEyesApiVersion.V6, type, fields)[field]!.GetValue<string>(),
            Wire(ThousandEyesApiVersion.V7, type, fields)[field]!.GetValue<string>()));
    }

    [Fact]
    public void The_sip_transport_takes_each_versions_spelling()
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.SipServer);
        fields["targetSipCredentials"]!["protocol"] = "TLS";

        Assert.Equal(("TLS", "tls"), (
            Wire(ThousandEyesApiVersion.V6, InstantTestType.SipServer, fields)["targetSipCredentials"]!["protocol"]!.GetValue<string>(),
            Wire(ThousandEyesApiVersion.V7, InstantTestType.SipServer, fields)["targetSipCredentials"]!["protocol"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("agent-to-server", "ipv6Policy", "force-ipv4")]
    [InlineData("http-server", "authType", "oauth")]
    [InlineData("agent-to-server", "protocol", "udp")]
    public void A_value_only_v7_knows_is_refused_for_v6_naming_the_field(string typeName, string field, string value)
    {
        var type = InstantTestType.Parse(typeName);
        var fields = InstantTestSamples.ValidFields(type);
        fields.Remove("port");
        fields[field] = value;

        var v6 = InstantTestRequestValidator.Validate(InstantTestSamples.Request(type, fields), ThousandEyesApiVersion.V6);
        var v7 = InstantTestRequestValidator.Validate(InstantTestSamples.Request(type, fields), ThousandEyesApiVersion.V7);

        Assert.Equal((true, true), (v6.Problems.Any(p => p.Field == field), v7.IsValid));
    }

    [Fact]
    public void V7_page_load_sends_no_httpInterval_and_reports_it_dropped()
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.PageLoad);

        var wire = InstantTestSerializer.V7.Serialize(InstantTestSamples.Request(InstantTestType.PageLoad, fields));

        Assert.Equal((false, true), (wire.Body.ContainsKey("httpInterval"), wire.DroppedFields.Contains("httpInterval")));
    }

    [Fact]
    public void A_field_the_versions_schema_does_not_list_is_refused_naming_it()
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.HttpServer);
        fields["followRedirect"] = true;

        var validation = InstantTestRequestValidator.Validate(InstantTestSamples.Request(InstantTestType.HttpServer, fields), ThousandEyesApiVersion.V7);

        var problem = Assert.Single(validation.Problems);
        Assert.Equal("followRedirect", problem.Field);
    }

    [Fact]
    public void A_v6_agent_entry_carries_no_source_address()
    {
        var request = InstantTestSamples.Request(InstantTestType.HttpServer) with { Agents = [new InstantTestAgent("113", "10.0.0.5")] };

        var validation = InstantTestRequestValidator.Validate(request, ThousandEyesApiVersion.V6);

        Assert.Contains(validation.Problems, p => p.Field == "agents[0].sourceIpAddress");
    }

    private static JsonObject Wire(ThousandEyesApiVersion version, InstantTestType type, JsonObject fields) =>
        InstantTestSerializer.For(version).Serialize(InstantTestSamples.Request(type, fields.DeepClone().AsObject())).Body;
}
