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
/// <c>pipeline --creates N</c>: the creation pipeline with every limit off (budget and simulator limits far above N,
/// one alert per target, in-memory ledger and bus) against a raw <see cref="HttpClient"/> loop that posts the very
/// bodies the pipeline sent to a second simulator, both sequential on loopback, after a warm-up of each. Prints both
/// rates and their ratio (wall clock: a ratio measured in one run, so the machine's load weighs on both sides).
/// </summary>
public static class PipelineComparison
{
    public static async Task<int> RunAsync(string[] args)
    {
        var creates = args is ["--creates", var n, ..] ? int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture) : 1000;
        var warmUp = Math.Max(20, creates / 10);
        var options = new SimulatorOptions { InstantTestRateLimitPerMinute = 10_000_000, OrganizationRateLimitPerMinute = 10_000_000 };
        await using var pipelineSimulator = await SimulatorFixture.StartAsync(options);
        await using var rawSimulator = await SimulatorFixture.StartAsync(new SimulatorOptions { InstantTestRateLimitPerMinute = 10_000_000, OrganizationRateLimitPerMinute = 10_000_000 });

        var bodies = new ConcurrentQueue<(string Path, string Body)>();
        var pipeline = await PipelineAsync(pipelineSimulator, bodies, warmUp, creates);
        var sent = bodies.ToList();
        var raw = await RawAsync(rawSimulator, sent, warmUp);
        var report = new Dictionary<string, object>
        {
            ["creates"] = creates,
            ["pipelineCreated"] = pipelineSimulator.State.CreatedTests.Count - warmUp,
            ["rawCreated"] = rawSimulator.State.CreatedTests.Count - warmUp,
            ["pipelinePerSecond"] = Math.Round(creates / pipeline.TotalSeconds, 1),
            ["rawPerSecond"] = Math.Round(creates / raw.TotalSeconds, 1),
            ["ratio"] = Math.Round(raw.TotalSeconds / pipeline.TotalSeconds, 3),
        };
        Console.WriteLine(string.Join(", ", report.Select(p => $"\"{p.Key}\": {Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")).Insert(0, "{") + "}");
        return 0;
    }

    private static async Task<TimeSpan> PipelineAsync(SimulatorFixture simulator, ConcurrentQueue<(string Path, string Body)> bodies, int warmUp, int creates)
    {
        var rulesPath = Path.Combine(Path.GetTempPath(), $"alertprobe-pipeline-rules-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(rulesPath, StormAlerts.RulesYaml);
        try
        {
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
            await using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();
            var alerts = StormAlerts.Create(new StormSettings { Messages = warmUp + creates, Targets = warmUp + creates });

            async Task RunAsync(IEnumerable<StormAlert> batch)
            {
                foreach (var alert in batch)
                {
                    var message = ServiceBusModelFactory.ServiceBusReceivedMessage(
                        body: alert.Body, messageId: alert.MessageId, contentType: "application/json", enqueuedTime: simulator.Time.GetUtcNow());
                    var outcome = await provider.GetRequiredService<AlertIntakeHandler>().HandleAsync(message, CancellationToken.None);
                    if (outcome is not IntakeOutcome.Completed)
                    {
                        throw new InvalidOperationException($"{alert.MessageId}: {outcome}");
                    }
                }
            }

            await RunAsync(alerts.Take(warmUp));
            var clock = Stopwatch.StartNew();
            await RunAsync(alerts.Skip(warmUp));
            return clock.Elapsed;
        }
        finally
        {
            File.Delete(rulesPath);
        }
    }

    private static async Task<TimeSpan> RawAsync(SimulatorFixture simulator, IReadOnlyList<(string Path, string Body)> bodies, int warmUp)
    {
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", simulator.Options.BearerToken);

        async Task RunAsync(IEnumerable<(string Path, string Body)> batch)
        {
            foreach (var (path, body) in batch)
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
                response.EnsureSuccessStatusCode();
                using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
            }
        }

        await RunAsync(bodies.Take(warmUp));
        var clock = Stopwatch.StartNew();
        await RunAsync(bodies.Skip(warmUp));
        return clock.Elapsed;
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
