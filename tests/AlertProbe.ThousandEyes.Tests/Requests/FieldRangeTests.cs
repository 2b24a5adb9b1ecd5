using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;

namespace AlertProbe.ThousandEyes.Tests.Requests;

/// <summary>
/// Ranges and required members. v7: Instant Tests API 7.0.100 (TestNumPathTraces 1-10, VoiceProperties.port 1024-65535,
/// TestPort 1-65535, ApiRequest required name and url). v6: Terraform v2.0.10 schemas.go (num_path_traces 1-10) and the
/// v6 test-interval set for page-load httpInterval.
/// </summary>
public sealed class FieldRangeTests
{
    [Theory]
    [InlineData(ThousandEyesApiVersion.V7, 0, false)]
    [InlineData(ThousandEyesApiVersion.V7, 1, true)]
    [InlineData(ThousandEyesApiVersion.V7, 2, true)]
    [InlineData(ThousandEyesApiVersion.V7, 10, true)]
    [InlineData(ThousandEyesApiVersion.V7, 11, false)]
    [InlineData(ThousandEyesApiVersion.V6, 1, true)]
    [InlineData(ThousandEyesApiVersion.V6, 11, false)]
    public void NumPathTraces_takes_1_to_10(ThousandEyesApiVersion version, int traces, bool valid)
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.AgentToServer);
        fields["numPathTraces"] = traces;

        Assert.Equal(valid, Validate(version, InstantTestType.AgentToServer, fields).IsValid);
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(300, true)]
    [InlineData(3600, true)]
    [InlineData(45, false)]
    [InlineData(90, false)]
    public void V6_page_load_httpInterval_is_one_of_the_test_intervals(int seconds, bool valid)
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.PageLoad);
        fields["httpInterval"] = seconds;

        var validation = Validate(ThousandEyesApiVersion.V6, InstantTestType.PageLoad, fields);

        Assert.Equal(valid, validation.IsValid);
        Assert.True(valid || validation.Problems.Single().Field == "httpInterval");
    }

    [Theory]
    [InlineData(1023, false)]
    [InlineData(1024, true)]
    [InlineData(65535, true)]
    [InlineData(65536, false)]
    public void A_v7_voice_port_takes_1024_to_65535(int port, bool valid)
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.Voice);
        fields["port"] = port;

        var validation = Validate(ThousandEyesApiVersion.V7, InstantTestType.Voice, fields);

        Assert.Equal(valid, validation.IsValid);
        Assert.True(valid || validation.Problems.Single().Field == "port");
    }

    [Fact]
    public void A_v6_voice_request_has_no_port()
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.Voice);
        fields["port"] = 5004;

        Assert.Equal("port", Validate(ThousandEyesApiVersion.V6, InstantTestType.Voice, fields).Problems.Single().Field);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5060, true)]
    [InlineData(65536, false)]
    public void A_sip_port_takes_1_to_65535(int port, bool valid)
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.SipServer);
        fields["targetSipCredentials"]!["port"] = port;

        Assert.Equal((valid, valid), (
            Validate(ThousandEyesApiVersion.V6, InstantTestType.SipServer, fields).IsValid,
            Validate(ThousandEyesApiVersion.V7, InstantTestType.SipServer, fields).IsValid));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("url")]
    public void Every_api_request_step_needs_a_name_and_a_url(string missing)
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.Api);
        fields["requests"]![0]!.AsObject().Remove(missing);

        var problem = Validate(ThousandEyesApiVersion.V7, InstantTestType.Api, fields).Problems.Single();

        Assert.Equal($"requests[0].{missing}", problem.Field);
    }

    [Fact]
    public void An_api_request_step_member_the_schema_does_not_list_is_refused()
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.Api);
        fields["requests"]![0]!["timeout"] = 5;

        Assert.Equal("requests[0].timeout", Validate(ThousandEyesApiVersion.V7, InstantTestType.Api, fields).Problems.Single().Field);
    }

    private static InstantTestValidation Validate(ThousandEyesApiVersion version, InstantTestType type, JsonObject fields) =>
        InstantTestRequestValidator.Validate(InstantTestSamples.Request(type, fields), version);
}
