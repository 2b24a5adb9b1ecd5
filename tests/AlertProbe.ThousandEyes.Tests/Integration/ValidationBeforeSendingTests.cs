using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.ThousandEyes.Tests.Integration;

/// <summary>Invalid requests are refused by the client: the simulator's request log stays empty.</summary>
public sealed class ValidationBeforeSendingTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    public static TheoryData<string, ThousandEyesApiVersion, string> RequiredFields => InstantTestSamples.RequiredFieldsOfBothVersions();

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task A_missing_required_field_fails_validation_without_a_request(string typeName, ThousandEyesApiVersion version, string field)
    {
        await using var host = ClientHost.Create(simulator.BaseAddress, version, simulator.Time);
        var type = InstantTestType.Parse(typeName);

        var result = await host.Client.CreateInstantTestAsync(InstantTestSamples.Request(type, InstantTestSamples.Without(InstantTestSamples.ValidFields(type), field)));

        Assert.Equal(field, Assert.IsType<ValidationFailedError>(result.Error).Problems.Single().Field);
        Assert.Empty(simulator.State.ReceivedRequests);
    }

    [Theory]
    [InlineData("bgp", ThousandEyesApiVersion.V6)]
    [InlineData("bgp", ThousandEyesApiVersion.V7)]
    [InlineData("transactions", ThousandEyesApiVersion.V7)]
    [InlineData("api", ThousandEyesApiVersion.V6)]
    public async Task A_type_the_version_cannot_run_fails_validation_without_a_request(string typeName, ThousandEyesApiVersion version)
    {
        await using var host = ClientHost.Create(simulator.BaseAddress, version, simulator.Time);

        var result = await host.Client.CreateInstantTestAsync(InstantTestRequest.Create(typeName, new() { ["url"] = "https://example.com/" }, ["113"]));

        Assert.Equal("testType", Assert.IsType<ValidationFailedError>(result.Error).Problems.Single().Field);
        Assert.Empty(simulator.State.ReceivedRequests);
    }
}
