using System.Text.Json;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.ThousandEyes.Tests.Requests;

public sealed class ModelSerializationTests
{
    [Fact]
    public void A_created_test_round_trips_through_the_source_generated_context()
    {
        var created = ThousandEyesModelFactory.CreatedInstantTest(
            "7000001", InstantTestType.Dnssec, ThousandEyesApiVersion.V6, resultLinks: ["https://api.thousandeyes.com/v6/dns/dnssec/7000001"]);

        var json = JsonSerializer.Serialize(created, ThousandEyesJsonContext.Default.CreatedInstantTest);
        var read = JsonSerializer.Deserialize(json, ThousandEyesJsonContext.Default.CreatedInstantTest)!;

        Assert.Equal(
            (InstantTestType.Dnssec, TestResultFamily.Dnssec, ThousandEyesApiVersion.V6),
            (read.Type, read.ResultLinks.Single().Family, read.ApiVersion));
    }

    [Fact]
    public void Types_and_families_are_written_by_their_canonical_names()
    {
        var created = ThousandEyesModelFactory.CreatedInstantTest("1", InstantTestType.Dnssec, ThousandEyesApiVersion.V6);

        var json = JsonSerializer.Serialize(created, ThousandEyesJsonContext.Default.CreatedInstantTest);

        Assert.Contains("\"type\":\"dnssec\"", json, StringComparison.Ordinal);
        Assert.Contains("\"family\":\"network\"", json, StringComparison.Ordinal);
    }
}
