using System.Net;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

/// <summary>
/// The create endpoints are strict: a body is checked against the vendor's request schema for its version and type
/// (Catalog/instant-test-requests.json), so the mistakes a client could make are refused here as the API would refuse
/// (or silently misread) them, each error naming its field.
/// </summary>
public sealed class StrictRequestTests
{
    [Theory]
    [InlineData("v7", "agent-to-server", "port", 443)]
    [InlineData("v7", "agent-to-server", "interval", 60)]
    [InlineData("v7", "page-load", "httpInterval", 60)]
    [InlineData("v6", "voice", "port", 5004)]
    [InlineData("v7", "http-server", "followRedirect", true)]
    public async Task A_field_the_versions_schema_does_not_list_is_refused_naming_it(string version, string type, string field, object value)
    {
        var body = Samples.Body(version, type);
        body[field] = JsonValue.Create(value);

        var refused = await CreateAsync(version, type, body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(field, refused.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v7", "agent-to-agent", "dscpId", 46)]
    [InlineData("v6", "agent-to-agent", "dscpId", "46")]
    [InlineData("v7", "agent-to-server", "numPathTraces", "3")]
    [InlineData("v7", "agent-to-server", "numPathTraces", 11)]
    [InlineData("v7", "agent-to-agent", "direction", "TO_TARGET")]
    [InlineData("v6", "agent-to-agent", "direction", "to-target")]
    [InlineData("v7", "agent-to-server", "pathTraceMode", "inSession")]
    [InlineData("v6", "agent-to-server", "pathTraceMode", "in-session")]
    [InlineData("v7", "agent-to-server", "mtuMeasurements", 1)]
    [InlineData("v6", "agent-to-server", "mtuMeasurements", true)]
    [InlineData("v7", "voice", "codecId", 0)]
    [InlineData("v7", "voice", "port", 1023)]
    public async Task A_value_of_the_wrong_type_spelling_or_range_is_refused_naming_the_field(string version, string type, string field, object value)
    {
        var body = Samples.Body(version, type);
        body[field] = JsonValue.Create(value);

        var refused = await CreateAsync(version, type, body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(field, refused.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v7", "agent-to-agent", "dscpId", "46")]
    [InlineData("v6", "agent-to-agent", "dscpId", 46)]
    [InlineData("v7", "agent-to-agent", "direction", "bidirectional")]
    [InlineData("v6", "agent-to-agent", "direction", "BIDIRECTIONAL")]
    [InlineData("v7", "voice", "port", 1024)]
    [InlineData("v6", "interval", "interval", 60)]
    public async Task The_versions_own_spelling_is_accepted(string version, string type, string field, object value)
    {
        // "interval" stands for a v6 field the instant API accepts and ignores (checked on http-server).
        var testType = type == "interval" ? "http-server" : type;
        var body = Samples.Body(version, testType);
        body[field] = JsonValue.Create(value);

        var created = await CreateAsync(version, testType, body);

        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
    }

    [Fact]
    public async Task A_nested_member_the_schema_does_not_list_is_refused_with_its_path()
    {
        var body = Samples.Body("v7", "sip-server");
        body["targetSipCredentials"]!["sipProxy"] = "proxy.example.com";

        var refused = await CreateAsync("v7", "sip-server", body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("targetSipCredentials.sipProxy", refused.Text, StringComparison.Ordinal);
    }

    private static async Task<ApiResponse> CreateAsync(string version, string type, JsonObject body)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();
        return await Calls.PostAsync(client, Samples.CreatePath(version, type), body);
    }
}
