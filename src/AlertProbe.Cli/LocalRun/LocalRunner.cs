using System.Diagnostics;
using AlertProbe.Cli.Hosting;
using AlertProbe.Cli.Mapping;
using AlertProbe.Core.Diagnostics;
using AlertProbe.Core.Ingress;
using AlertProbe.Core.Messages;
using AlertProbe.Simulator;
using AlertProbe.Simulator.State;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Cli.LocalRun;

/// <summary>
/// The whole flow in one process: the Functions' handlers, registered by the same extensions, over an in-memory
/// Service Bus and ledger. ThousandEyes is the API configured in the environment (<c>ThousandEyes__BaseUrl</c> and
/// credentials), or, when none is, the embedded simulator on 127.0.0.1 with a <see cref="SkippingClock"/>.
/// </summary>
internal static class LocalRunner
{
    private const string BaseUrlKey = "ThousandEyes:BaseUrl";
    private static readonly string[] CredentialKeys = ["BearerToken", "Email", "BasicToken", "AuthScheme"];
    private static readonly string[] BasicAuthKeys = ["Email", "BasicToken"];

    public static async Task<RunResult> RunAsync(CliContext context, RunSettings settings, RunObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(observer);
        var overrides = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Ledger:Kind"] = "InMemory",
        };
        if (settings.RulesPath is { } rules)
        {
            var full = context.ResolvePath(rules);
            if (!File.Exists(full))
            {
                return RunResult.Unusable([$"rules file not found: {rules}"]);
            }

            overrides["Rules:Path"] = full;
        }

        if (settings.ApiVersion is { } version)
        {
            overrides["ThousandEyes:ApiVersion"] = version;
        }

        var environment = CliConfiguration.Build(context, overrides);
        if (!DryRunPlanner.TryReadApiVersion(environment["ThousandEyes:ApiVersion"], out _))
        {
            return RunResult.Unusable([$"ThousandEyes:ApiVersion '{environment["ThousandEyes:ApiVersion"]}' is not v6 or v7."]);
        }

        if (CredentialProblem(environment) is { } credentials)
        {
            return RunResult.Unusable([credentials]);
        }

        if (!string.IsNullOrWhiteSpace(environment[BaseUrlKey]))
        {
            if (settings.FailTargets.Count > 0)
            {
                return RunResult.Unusable(["--fail-target only applies to the embedded simulator, and ThousandEyes__BaseUrl names a real API."]);
            }

            InferBasicAuth(environment, overrides);
            var configured = CliConfiguration.Build(context, overrides);
            return await RunFlowAsync(context, settings, observer, configured, TimeProvider.System, null, embedded: false, cancellationToken).ConfigureAwait(false);
        }

        var situations = new List<(string Target, Situation Situation)>();
        foreach (var failTarget in settings.FailTargets)
        {
            // TEXT or TEXT=SITUATION (docs/follow-up.md, "Simulator situations"); a bare TEXT times out as before.
            var equals = failTarget.IndexOf('=', StringComparison.Ordinal);
            var target = (equals >= 0 ? failTarget[..equals] : failTarget).Trim();
            if (target.Length == 0)
            {
                return RunResult.Unusable([$"--fail-target '{failTarget}': the target text is empty (write TEXT or TEXT=SITUATION)."]);
            }

            if (!Situation.TryParse(equals >= 0 ? failTarget[(equals + 1)..] : "timeout", out var situation, out var problem))
            {
                return RunResult.Unusable([$"--fail-target '{failTarget}': {problem}"]);
            }

            situations.Add((target, situation!));
        }

        var clock = new SkippingClock();
        var simulatorOptions = new SimulatorOptions { Port = 0, ResultDelay = settings.SimulatorResultDelay };
        var simulator = await ThousandEyesSimulator.StartAsync(simulatorOptions, clock, cancellationToken).ConfigureAwait(false);
        await using (simulator.ConfigureAwait(false))
        {
            foreach (var (target, situation) in situations)
            {
                simulator.State.SetSituation(target, situation);
                observer.Announced?.Invoke($"simulator: runs against targets containing '{target}' will {situation.Describe()}");
            }

            overrides[BaseUrlKey] = simulator.BaseAddress.ToString();
            overrides["ThousandEyes:AuthScheme"] = "Bearer";
            overrides["ThousandEyes:BearerToken"] = simulatorOptions.BearerToken;
            var embedded = CliConfiguration.Build(context, overrides);
            return await RunFlowAsync(context, settings, observer, embedded, clock, clock, embedded: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// ThousandEyes settings that are only half there, named as the environment variables the CLI reads: credentials
    /// without <c>ThousandEyes__BaseUrl</c> (which would otherwise be ignored for the embedded simulator), a base URL
    /// without credentials, an email without its basic token or the other way round. Null when they are complete.
    /// </summary>
    internal static string? CredentialProblem(IConfiguration environment)
    {
        var section = environment.GetSection("ThousandEyes");
        bool Has(string key) => !string.IsNullOrWhiteSpace(section[key]);
        if (!string.IsNullOrWhiteSpace(environment["KeyVault:Uri"]))
        {
            // The handlers read the credentials from the vault; the start-up validation checks the rest.
            return null;
        }

        if (!Has("BaseUrl"))
        {
            var given = CredentialKeys.Where(Has).Select(k => $"ThousandEyes__{k}").ToList();
            return given.Count == 0
                ? null
                : $"{string.Join(" and ", given)} {(given.Count == 1 ? "is" : "are")} set but ThousandEyes__BaseUrl is not: set ThousandEyes__BaseUrl to the API "
                  + "to use (e.g. https://api.thousandeyes.com/), or unset the credentials to run against the embedded simulator.";
        }

        var scheme = section["AuthScheme"]?.Trim();
        var basic = string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || (string.IsNullOrEmpty(scheme) && !Has("BearerToken") && (Has("Email") || Has("BasicToken")));
        if (basic)
        {
            var missing = BasicAuthKeys.Where(k => !Has(k)).Select(k => $"ThousandEyes__{k}").ToList();
            return missing.Count == 0
                ? null
                : $"{string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not set: v6 basic auth needs both ThousandEyes__Email and "
                  + "ThousandEyes__BasicToken (or set ThousandEyes__BearerToken instead).";
        }

        return Has("BearerToken")
            ? null
            : "ThousandEyes__BaseUrl is set but ThousandEyes__BearerToken is not: set ThousandEyes__BearerToken (v6 or v7), or "
              + "ThousandEyes__Email and ThousandEyes__BasicToken for v6 basic auth.";
    }

    /// <summary>v6 basic auth when the environment gives an email and basic token but no bearer token and no scheme.</summary>
    private static void InferBasicAuth(IConfiguration environment, Dictionary<string, string?> overrides)
    {
        var section = environment.GetSection("ThousandEyes");
        if (string.IsNullOrWhiteSpace(section["AuthScheme"])
            && string.IsNullOrWhiteSpace(section["BearerToken"])
            && !string.IsNullOrWhiteSpace(section["Email"])
            && !string.IsNullOrWhiteSpace(section["BasicToken"]))
        {
            overrides["ThousandEyes:AuthScheme"] = "Basic";
        }
    }

    private static async Task<RunResult> RunFlowAsync(
        CliContext context,
        RunSettings settings,
        RunObserver observer,
        IConfigurationRoot configuration,
        TimeProvider clock,
        SkippingClock? skippingClock,
        bool embedded,
        CancellationToken cancellationToken)
    {
        var causes = new FailureCauses();
        await using var services = CliServices.Build(context, configuration, LogDisplay.For(settings.Verbose), causes, clock, withFollowUp: true);
        var problems = CliServices.ValidateOnStart(services);
        if (problems.Count > 0)
        {
            return RunResult.Unusable(problems);
        }

        var baseUrl = new Uri(configuration[BaseUrlKey]!);
        observer.Announced?.Invoke(embedded
            ? $"ThousandEyes: embedded simulator at {baseUrl} (waits are skipped on the run's clock)"
            : $"ThousandEyes: {baseUrl} (from the environment; real time)");

        var bus = services.GetRequiredService<InMemoryMessageBus>();
        var names = services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        var start = clock.GetUtcNow();
        observer.Announced?.Invoke($"rules: {settings.Rules.Describe()}");
        var payloads = await QueueAsync(settings, bus, services.GetRequiredService<ServiceBusClient>(), names, services.GetRequiredService<ILogger<AlertQueueSender>>(), observer, cancellationToken).ConfigureAwait(false);

        var dispatcher = new InProcessDispatcher(bus, names, services, clock, skippingClock, causes, services.GetRequiredService<ILogger<InProcessDispatcher>>())
        {
            Settled = delivery => observer.Settled?.Invoke(delivery, delivery.At - start),
            Activity = observer.Activity,
        };
        var ended = await dispatcher.RunUntilIdleAsync(settings.Timeout, cancellationToken).ConfigureAwait(false);
        var end = dispatcher.Deliveries.Count > 0 ? dispatcher.Deliveries[^1].At : start;
        return new RunResult
        {
            Document = RunReportBuilder.Build(bus, names, dispatcher.Deliveries, payloads, ended, settings.Timeout, settings.Rules, dispatcher.InFlight, causes.Latest),
            End = ended,
            InFlight = dispatcher.InFlight,
            ThousandEyesBaseUrl = baseUrl,
            Embedded = embedded,
            FlowTime = end - start,
            SkippedWaiting = skippingClock?.Skipped ?? TimeSpan.Zero,
        };
    }

    /// <summary>
    /// Puts every payload on the in-memory <c>alerts</c> queue through the ingress's own sender (over the registered,
    /// instrumented client), each in its own <c>ingress</c> span: one trace per payload, as per webhook call.
    /// </summary>
    private static async Task<List<QueuedPayload>> QueueAsync(
        RunSettings settings, InMemoryMessageBus bus, ServiceBusClient client, MessagingOptions names, ILogger<AlertQueueSender> logger, RunObserver observer, CancellationToken cancellationToken)
    {
        var sender = new AlertQueueSender(client.CreateSender(names.AlertsQueueName), logger);
        var queued = new List<QueuedPayload>();
        foreach (var payload in settings.Payloads)
        {
            var message = payload.ToQueueMessage(settings.Source);
            var duplicatesBefore = bus.DuplicatesDropped;
            using (var ingress = AlertProbeTelemetry.Source.StartActivity(SpanNames.Ingress, ActivityKind.Server))
            {
                ingress?.SetTag(SpanTags.Source, message.Source ?? "auto");
                await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }

            var duplicate = bus.DuplicatesDropped > duplicatesBefore;
            queued.Add(new QueuedPayload(payload.DisplayName, message.MessageId, duplicate));
            observer.Announced?.Invoke(duplicate
                ? $"queued {payload.DisplayName}: same body as an earlier file, dropped by duplicate detection"
                : $"queued {payload.DisplayName} as {message.MessageId}");
        }

        return queued;
    }
}
