using System.Globalization;
using System.Net;
using AlertProbe.Simulator.Tests.Support;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Simulator.Tests;

public sealed class RateLimitTests
{
    [Theory]
    [InlineData("v6")]
    [InlineData("v7")]
    public async Task Instant_test_calls_beyond_the_limit_answer_429_until_the_window_resets(string version)
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 2 });
        using var client = sim.CreateClient();
        var windowEnd = SimulatorFixture.StartTime.AddMinutes(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await Calls.CreateAsync(client, version, "http-server");
        sim.Time.Advance(TimeSpan.FromSeconds(10));
        await Calls.CreateAsync(client, version, "http-server");
        sim.Time.Advance(TimeSpan.FromSeconds(10));

        var refused = await Calls.PostAsync(client, Samples.CreatePath(version, "http-server"), Samples.Body(version, "http-server"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(("2", "0", windowEnd), (refused.Header("X-Instant-Test-Rate-Limit-Limit"), refused.Header("X-Instant-Test-Rate-Limit-Remaining"), refused.Header("X-Instant-Test-Rate-Limit-Reset")));
        Assert.Equal("40", refused.Header("Retry-After"));
    }

    [Fact]
    public async Task Instant_test_window_rolls_one_minute_after_the_first_call_of_the_batch()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 1 });
        using var client = sim.CreateClient();
        await Calls.CreateAsync(client, "v7", "http-server");
        sim.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Calls.PostAsync(client, "v7/tests/http-server/instant", Samples.Body("v7", "http-server"))).Status);

        sim.Time.Advance(TimeSpan.FromSeconds(1));
        var afterRoll = await Calls.PostAsync(client, "v7/tests/http-server/instant", Samples.Body("v7", "http-server"));

        Assert.Equal(HttpStatusCode.Created, afterRoll.Status);
        Assert.Equal(SimulatorFixture.StartTime.AddMinutes(2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), afterRoll.Header("X-Instant-Test-Rate-Limit-Reset"));
    }

    [Theory]
    [InlineData("v6")]
    [InlineData("v7")]
    public async Task Reruns_count_against_the_instant_test_limit(string version)
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 2 });
        using var client = sim.CreateClient();
        var created = await Calls.CreateAsync(client, version, "agent-to-server");
        var rerunPath = version == "v6" ? $"v6/instant/{created.TestId}/rerun" : $"v7/tests/{created.TestId}/run";
        Assert.Equal(HttpStatusCode.OK, (await Calls.PostAsync(client, rerunPath)).Status);

        var refused = await Calls.PostAsync(client, rerunPath);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
    }

    [Fact]
    public async Task Every_call_counts_against_the_organisation_limit_and_reports_it()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { OrganizationRateLimitPerMinute = 3 });
        using var client = sim.CreateClient();

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            remaining.Add((await Calls.GetAsync(client, "v7/agents")).Header("X-Organization-Rate-Limit-Remaining"));
        }

        var refused = await Calls.GetAsync(client, "v6/agents");

        Assert.Equal(["2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("60", refused.Header("Retry-After"));
    }

    [Fact]
    public async Task Non_instant_calls_carry_no_instant_test_headers()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var client = sim.CreateClient();

        var response = await Calls.GetAsync(client, "v7/agents");

        Assert.DoesNotContain("X-Instant-Test-Rate-Limit-Remaining", response.Headers.Keys);
    }

    [Fact]
    public async Task Reset_rate_limits_gives_a_fresh_budget()
    {
        await using var sim = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 1 });
        using var client = sim.CreateClient();
        await Calls.CreateAsync(client, "v7", "http-server");

        sim.State.ResetRateLimits();

        Assert.Equal(HttpStatusCode.Created, (await Calls.PostAsync(client, "v7/tests/dns-trace/instant", Samples.Body("v7", "dns-trace"))).Status);
    }
}
