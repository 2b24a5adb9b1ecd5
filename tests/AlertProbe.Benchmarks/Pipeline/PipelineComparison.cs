using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AlertProbe.Benchmarks.Storm;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Simulator;
using AlertProbe.Testing.Simulator;
using AlertProbe.ThousandEyes.DependencyInjection;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline [--creates N] [--rounds R] [--warm-up W]</c>: the creation pipeline with every limit off (budget and
/// simulator limits far above what is created, one alert per target, in-memory ledger and bus) against a raw
/// <see cref="HttpClient"/> loop that posts the very bodies the pipeline sent to a second simulator, both sequential on
/// loopback. Both sides are first warmed up with W creates each (default 1,000: the simulator's and the client's code
/// must be past tiered compilation on both sides, or the side measured first pays the JIT for both), then R rounds
/// (default 5) of N creates each (default 500) alternate: the pipeline's round, then the raw loop posting that round's
/// bodies. Prints every round's rates and ratio and the median ratio (wall clock: each ratio compares two runs a moment
/// apart, so the machine's load weighs on both sides).
/// </summary>
public static class PipelineComparison
{
    public static async Task<int> RunAsync(string[] args)
    {
        var creates = Option(args, "--creates", 500);
        var rounds = Option(args, "--rounds", 5);
        var warmUp = Option(args, "--warm-up", 1000);
        var limits = new SimulatorOptions { InstantTestRateLimitPerMinute = 10_000_000, OrganizationRateLimitPerMinute = 10_000_000 };
        await using var pipelineSimulator = await SimulatorFixture.StartAsync(limits);
        await using var rawSimulator = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 10_000_000, OrganizationRateLimitPerMinute = 10_000_000 });
        var bodies = new ConcurrentQueue<(string Path, string Body)>();
        await using var pipeline = await CreationPipeline.StartAsync(pipelineSimulator, bodies, warmUp + (rounds * creates));
        using var raw = new RawPoster(rawSimulator);

        await pipeline.CreateAsync(warmUp);
        await raw.PostAsync(Drain(bodies));
        var results = new List<Dictionary<string, object>>();
        for (var round = 1; round <= rounds; round++)
        {
            var pipelineTime = await pipeline.CreateAsync(creates);
            var rawTime = await raw.PostAsync(Drain(bodies));
            results.Add(new Dictionary<string, object>
            {
                ["round"] = round,
                ["pipelinePerSecond"] = Math.Round(creates / pipelineTime.TotalSeconds, 1),
                ["rawPerSecond"] = Math.Round(creates / rawTime.TotalSeconds, 1),
                ["ratio"] = Math.Round(rawTime.TotalSeconds / pipelineTime.TotalSeconds, 3),
            });
            Console.WriteLine(Json(results[^1]));
        }

        var ratios = results.Select(r => (double)r["ratio"]).Order().ToList();
        Console.WriteLine(Json(new Dictionary<string, object>
        {
            ["creates"] = creates,
            ["rounds"] = rounds,
            ["warmUp"] = warmUp,
            ["pipelineCreated"] = pipelineSimulator.State.CreatedTests.Count,
            ["rawCreated"] = rawSimulator.State.CreatedTests.Count,
            ["medianRatio"] = ratios[ratios.Count / 2],
            ["minRatio"] = ratios[0],
            ["maxRatio"] = ratios[^1],
        }));
        return pipelineSimulator.State.CreatedTests.Count == warmUp + (rounds * creates) && rawSimulator.State.CreatedTests.Count == warmUp + (rounds * creates) ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
    }

    private static string Json(Dictionary<string, object> values) =>
        "{" + string.Join(", ", values.Select(p => $"\"{p.Key}\": {Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")) + "}";

    private static List<(string Path, string Body)> Drain(ConcurrentQueue<(string Path, string Body)> bodies)
    {
        var drained = new List<(string Path, string Body)>();
        while (bodies.TryDequeue(out var body))
        {
            drained.Add(body);
        }

        return drained;
    }

    /// <summary>The intake as the app registers it, handling one single-alert message after another.</summary>
    private sealed class CreationPipeline : IAsyncDisposable
    {
        private readonly ServiceProvider _provider;
        private readonly SimulatorFixture _simulator;
        private readonly string _rulesPath;
        private readonly Queue<StormAlert> _alerts;

        private CreationPipeline(ServiceProvider provider, SimulatorFixture simulator, string rulesPath, IEnumerable<StormAlert> alerts)
        {
            _provider = provider;
            _simulator = simulator;
            _rulesPath = rulesPath;
            _alerts = new Queue<StormAlert>(alerts);
        }

        public static async Task<CreationPipeline> StartAsync(SimulatorFixture simulator, ConcurrentQueue<(string Path, string Body)> bodies, int total)
        {
            var rulesPath = Path.Combine(Path.GetTempPath(), $"alertprobe-pipeline-rules-{Guid.NewGuid():N}.yaml");
            await File.WriteAllTextAsync(rulesPath, StormAlerts.RulesYaml);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ThousandEyes:BaseUrl"] = simulator.BaseAddress.ToString(),
                ["ThousandEyes:ApiVersion"] = "v7",
                ["ThousandEyes:BearerToken"] = simulator.Options.BearerToken,
                ["Messaging:Transport"] = "InMemory",
                ["Ledger:Kind"] = "InMemory",
                ["RateBudget:Limit"] = "100000",
                ["Rules:Path"] = rulesPath,
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<TimeProvider>(simulator.Time);
            services.AddAlertIntake(configuration);
            services.AddHttpClient(ThousandEyesServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new BodyRecorder(bodies));
            var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();
            return new CreationPipeline(provider, simulator, rulesPath, StormAlerts.Create(new StormSettings { Messages = total, Targets = total }));
        }

        public async Task<TimeSpan> CreateAsync(int count)
        {
            var handler = _provider.GetRequiredService<AlertIntakeHandler>();
            var batch = Enumerable.Range(0, count).Select(_ => _alerts.Dequeue()).ToList();
            var clock = Stopwatch.StartNew();
            foreach (var alert in batch)
            {
                var message = ServiceBusModelFactory.ServiceBusReceivedMessage(
                    body: alert.Body, messageId: alert.MessageId, contentType: "application/json", enqueuedTime: _simulator.Time.GetUtcNow());
                var outcome = await handler.HandleAsync(message, CancellationToken.None);
                if (outcome is not IntakeOutcome.Completed)
                {
                    throw new InvalidOperationException($"{alert.MessageId}: {outcome}");
                }
            }

            return clock.Elapsed;
        }

        public async ValueTask DisposeAsync()
        {
            await _provider.DisposeAsync();
            File.Delete(_rulesPath);
        }
    }

    /// <summary>The baseline: a bare <see cref="HttpClient"/> posting bodies and reading each reply as JSON.</summary>
    private sealed class RawPoster(SimulatorFixture simulator) : IDisposable
    {
        private readonly HttpClient _http = new() { BaseAddress = simulator.BaseAddress, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", simulator.Options.BearerToken) } };

        public async Task<TimeSpan> PostAsync(IReadOnlyList<(string Path, string Body)> bodies)
        {
            var clock = Stopwatch.StartNew();
            foreach (var (path, body) in bodies)
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
                response.EnsureSuccessStatusCode();
                using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            }

            return clock.Elapsed;
        }

        public void Dispose() => _http.Dispose();
    }

    private sealed class BodyRecorder(ConcurrentQueue<(string Path, string Body)> bodies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.Content is not null)
            {
                bodies.Enqueue((request.RequestUri!.PathAndQuery.TrimStart('/'), await request.Content.ReadAsStringAsync(cancellationToken)));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
