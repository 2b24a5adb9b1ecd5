using AlertProbe.Simulator.State;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

public sealed class BrokenTargetTests
{
    public static TheoryData<string, int, string> HttpFailures() => new()
    {
        { "http-503", 503, "HTTP" },
        { "dns", 0, "DNS" },
        { "timeout", 0, "Connect" },
        { "loss", 0, "Connect" },
    };

    [Theory]
    [MemberData(nameof(HttpFailures))]
    public async Task Http_server_results_of_a_broken_target_show_the_failed_phase(string failure, int responseCode, string errorType)
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        sim.State.BreakTarget("shop.example.com", Failure(failure));

        var created = await Calls.CreateAsync(client, "v7", "http-server", Samples.Body("v7", "http-server", target: "shop.example.com"));
        var result = (await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/http-server")).Json["results"]![0]!;

        Assert.Equal((responseCode, errorType), ((int)result["responseCode"]!, (string)result["errorType"]!));
        Assert.False(string.IsNullOrEmpty((string?)result["errorDetails"]));
    }

    [Theory]
    [InlineData("v6")]
    [InlineData("v7")]
    public async Task Network_results_of_a_target_losing_packets_show_total_loss(string version)
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        sim.State.BreakTarget("db.example.com", TargetFailure.PacketLoss);

        var created = await Calls.CreateAsync(client, version, "agent-to-server", Samples.Body(version, "agent-to-server", target: "db.example.com"));
        var response = await Calls.GetAsync(client, version == "v6" ? $"v6/net/metrics/{created.TestId}" : $"v7/test-results/{created.TestId}/network");

        var result = version == "v6" ? response.Json["net"]!["metrics"]![0]! : response.Json["results"]![0]!;
        Assert.Equal(100.0, (double)result["loss"]!);
    }

    [Fact]
    public async Task Healthy_targets_are_unaffected_by_a_broken_one()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        sim.State.BreakTarget("down.example.com", TargetFailure.HttpError);

        var created = await Calls.CreateAsync(client, "v7", "http-server", Samples.Body("v7", "http-server", target: "up.example.com"));
        var result = (await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/http-server")).Json["results"]![0]!;

        Assert.Equal(200, (int)result["responseCode"]!);
    }

    [Fact]
    public async Task Repaired_target_is_healthy_in_the_next_run()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        sim.State.BreakTarget("example.org", TargetFailure.DnsFailure);
        var created = await Calls.CreateAsync(client, "v7", "dns-server", Samples.Body("v7", "dns-server", target: "example.org"));

        sim.State.RepairTarget("example.org");
        sim.Time.Advance(TimeSpan.FromSeconds(5));
        await Calls.PostAsync(client, $"v7/tests/{created.TestId}/run");
        var results = (await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/dns-server?window=1h")).Json["results"]!.AsArray();

        Assert.Equal([true, false], results.Select(result => result!.AsObject().ContainsKey("errorDetails")));
    }

    [Fact]
    public async Task Broken_voice_target_gives_low_mos_and_full_loss()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        sim.State.BreakTarget("dc-chicago-01", TargetFailure.ConnectionTimeout);

        var created = await Calls.CreateAsync(client, "v7", "voice");
        var result = (await Calls.GetAsync(client, $"v7/test-results/{created.TestId}/rtp-server")).Json["results"]![0]!;

        Assert.Equal((100.0, 1.0), ((double)result["loss"]!, (double)result["mos"]!));
    }

    // Sources: v7 Test_Results_API_DnssecTestResult (isValid boolean); v6 docs "(DNS) DNSSEC" (valid 1/0).
    [Theory]
    [InlineData("v7", "dnssec", "isValid", "valid", "false")]
    [InlineData("v6", "dns-dnssec", "valid", "isValid", "0")]
    public async Task A_broken_dnssec_chain_is_reported_in_the_versions_own_validity_field(string version, string type, string field, string otherField, string invalid)
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { ResultDelay = TimeSpan.Zero });
        using var client = sim.CreateClient();
        sim.State.BreakTarget("signed.example.org", TargetFailure.DnsFailure);

        var created = await Calls.CreateAsync(client, version, type, Samples.Body(version, type, target: "signed.example.org"));
        var response = await Calls.GetAsync(client, version == "v6" ? $"v6/dns/dnssec/{created.TestId}" : $"v7/test-results/{created.TestId}/dnssec");
        var result = (version == "v6" ? response.Json["dns"]!["dnssec"]![0]! : response.Json["results"]![0]!).AsObject();

        Assert.Equal((invalid, false, true), (result[field]?.ToJsonString(), result.ContainsKey(otherField), result.ContainsKey("errorDetails")));
    }

    private static TargetFailure Failure(string name) => name switch
    {
        "http-503" => TargetFailure.HttpStatus(503),
        "dns" => TargetFailure.DnsFailure,
        "timeout" => TargetFailure.ConnectionTimeout,
        _ => TargetFailure.PacketLoss,
    };

}
