using AlertProbe.Core.Planning;
using AlertProbe.Core.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.Rules;

/// <summary>
/// The reload poll a host runs (the hosted service <see cref="RulesServiceCollectionExtensions.AddAlertRules"/> adds),
/// driven by the app's clock: a rewritten rules file replaces the rules once an interval has passed, not before.
/// </summary>
public sealed class RulesReloadPollTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly string directory = Directory.CreateTempSubdirectory("alertprobe-poll-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 2, 5, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_hosted_poll_replaces_rewritten_rules_after_an_interval_on_the_app_clock_and_not_before()
    {
        var path = Path.Combine(directory, "rules.yaml");
        File.WriteAllText(path, RulesYaml.Named("before"));
        using var services = Build(path, Interval);
        var planner = services.GetRequiredService<RulePlanner>();
        var poll = Assert.Single(services.GetServices<IHostedService>());
        await poll.StartAsync(CancellationToken.None);
        try
        {
            File.WriteAllText(path, RulesYaml.Named("after"));
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

            // Short of the interval no timer is due, whenever the poll registered its delay.
            time.Advance(Interval - TimeSpan.FromSeconds(1));
            Assert.Equal(["before"], planner.RuleSet.Rules.Select(rule => rule.Name));

            // The poll's delay is registered on its own task; advancing once more per try covers a registration that
            // came after the advance above. Bounded: a poll that never reloads fails here instead of hanging.
            var replaced = await ReplacedWithinAsync(planner, "after", tries: 200);
            Assert.True(replaced, "the poll did not reload the rewritten file after the interval");
            var status = services.GetRequiredService<RuleSetProvider>().Status!;
            Assert.Equal(status.LoadedAt, status.LastCheckedAt);
            Assert.True(status.LoadedAt >= time.Start + Interval, $"reloaded at {status.LoadedAt:O}, before one interval had passed");
        }
        finally
        {
            await poll.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_zero_interval_never_polls()
    {
        var path = Path.Combine(directory, "rules.yaml");
        File.WriteAllText(path, RulesYaml.Named("before"));
        using var services = Build(path, TimeSpan.Zero);
        var planner = services.GetRequiredService<RulePlanner>();
        var poll = Assert.IsAssignableFrom<BackgroundService>(Assert.Single(services.GetServices<IHostedService>()));
        await poll.StartAsync(CancellationToken.None);

        // The poll's task ends at once when the interval is zero (it would otherwise wait on the clock for ever).
        await poll.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        File.WriteAllText(path, RulesYaml.Named("after"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(["before"], planner.RuleSet.Rules.Select(rule => rule.Name));
        await poll.StopAsync(CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<bool> ReplacedWithinAsync(RulePlanner planner, string name, int tries)
    {
        for (var i = 0; i < tries; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            if (planner.RuleSet.Rules.Select(rule => rule.Name).SequenceEqual([name]))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }

        return false;
    }

    private ServiceProvider Build(string path, TimeSpan interval)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rules:Path"] = path,
            ["Rules:ReloadInterval"] = interval.ToString(),
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddAlertRules(configuration).BuildServiceProvider();
    }
}
