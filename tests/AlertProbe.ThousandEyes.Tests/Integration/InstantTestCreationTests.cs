using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.ThousandEyes.Tests.Integration;

/// <summary>Every instant test type of both versions, created through the client against the simulator over loopback.</summary>
public sealed class InstantTestCreationTests : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorFixture _simulator;

    public InstantTestCreationTests(SimulatorFixture simulator)
    {
        _simulator = simulator;

        // Two dozen creations in one fake minute: the instant-test limit is not what this class is about.
        _simulator.State.InstantTestRateLimitPerMinute = 10_000;
    }

    public static TheoryData<string, ThousandEyesApiVersion> Types => InstantTestSamples.TypesOfBothVersions();

    [Theory]
    [MemberData(nameof(Types))]
    public async Task A_valid_request_creates_a_test_with_result_links(string typeName, ThousandEyesApiVersion version)
    {
        await using var host = ClientHost.Create(_simulator.BaseAddress, version, _simulator.Time);
        var type = InstantTestType.Parse(typeName);

        var result = await host.Client.CreateInstantTestAsync(InstantTestSamples.Request(type));

        Assert.True(result.IsSuccess, result.Error?.Message);
        var created = result.Value;
        Assert.Equal((type, version, InstantTestSamples.SourceAgent), (created.Type, created.ApiVersion, created.Agents.Single().AgentId));
        Assert.NotEmpty(created.ResultLinks);
        Assert.All(created.ResultLinks, link => Assert.NotNull(link.Family));
        Assert.Equal(typeName, _simulator.State.FindTest(created.TestId)?.TestType);
    }

    [Fact]
    public async Task A_name_already_used_comes_back_as_a_bad_request_naming_the_field()
    {
        await using var host = ClientHost.Create(_simulator.BaseAddress, ThousandEyesApiVersion.V7, _simulator.Time);
        var request = InstantTestSamples.Request(InstantTestType.HttpServer, testName: "duplicate-name-check");
        await host.Client.CreateInstantTestAsync(request);

        var second = await host.Client.CreateInstantTestAsync(request);

        Assert.Equal("testName", Assert.IsType<BadRequestError>(second.Error).Problem?.Errors.Single().Field);
    }

    [Fact]
    public async Task An_account_group_the_user_is_not_in_is_forbidden_with_a_hint()
    {
        await using var host = ClientHost.Create(_simulator.BaseAddress, ThousandEyesApiVersion.V7, _simulator.Time);

        var result = await host.Client.CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer) with { AccountGroupId = "9999" });

        Assert.Contains("account group (aid) 9999", Assert.IsType<ForbiddenError>(result.Error).Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_requests_account_group_is_sent_as_aid()
    {
        await using var host = ClientHost.Create(_simulator.BaseAddress, ThousandEyesApiVersion.V6, _simulator.Time);

        var result = await host.Client.CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.DnsTrace) with { AccountGroupId = "5678" });

        Assert.Equal(("5678", "5678"), (result.Value?.AccountGroupId, _simulator.State.FindTest(result.Value!.TestId)?.AccountGroupId));
    }
}
