using System.Net;
using AlertProbe.Core.FollowUp.Collection;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.FollowUp.Reruns;
using AlertProbe.Core.FollowUp.WriteBack;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.RateLimiting;
using AlertProbe.Core.KeyVault;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace AlertProbe.Core.FollowUp;

public static class FollowUpServiceCollectionExtensions
{
    /// <summary>The name of the reply HTTP client (for <c>IHttpClientFactory</c> and handler configuration).</summary>
    public const string ReplyHttpClientName = nameof(ReplyDispatcher);

    /// <summary>
    /// Registers result collection (<see cref="CollectResultsHandler"/>), reruns (<see cref="RerunTestsHandler"/>) and
    /// verdict delivery with <see cref="FollowUpOptions"/> (section <c>FollowUp</c>, validated at start-up), plus
    /// what they stand on when not registered yet: the ThousandEyes client, messaging, the ledger and the rate budget.
    /// </summary>
    public static IServiceCollection AddAlertProbeFollowUp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<FollowUpOptions>()
            .Configure(options => configuration.GetSection(FollowUpOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidator>());

        services.AddThousandEyesClientWithKeyVault(configuration);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(InstantTestPublisher)))
        {
            services.AddAlertProbeMessaging(configuration);
        }

        services.AddReplyPolicy(configuration);
        services.AddLedger(configuration);
        services.AddRateBudget(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(ReplyHttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddTypedClient((http, provider) => new ReplyDispatcher(
                http, provider.GetRequiredService<IOptions<FollowUpOptions>>(), provider.GetRequiredService<ReplyPolicy>(), provider.GetRequiredService<ILogger<ReplyDispatcher>>()))
            // The factory's request logging writes the full URL, and reply URLs are capabilities (Slack's path holds a
            // token); the dispatcher logs the destination's kind and host itself.
            .RemoveAllLoggers()
            // The guard against DNS rebinding: every connection's addresses are judged by the reply policy. No proxy,
            // since a proxy would resolve the name itself, out of the guard's sight.
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectCallback = provider.GetRequiredService<ReplyPolicyConnector>().ConnectAsync,
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .AddResilienceHandler("verdict-delivery", ConfigureReplyPipeline);
        services.TryAddSingleton<ReplyPolicyHostResolver>(Dns.GetHostAddressesAsync);
        services.TryAddSingleton<ReplyPolicyConnector>();

        services.AddWriteBack(configuration);

        services.TryAddSingleton<FollowUpScheduler>();
        services.TryAddTransient<RunResultsReader>();
        services.TryAddTransient<VerdictDelivery>();
        services.TryAddTransient<Snapshots.RunSnapshots>();
        services.TryAddTransient<CollectResultsHandler>();
        services.TryAddTransient<RerunTestsHandler>();
        return services;
    }

    /// <summary>Bounded retries of transient answers (5xx, 408, 429, connection failures) around a per-attempt timeout, on the registered TimeProvider.</summary>
    internal static void ConfigureReplyPipeline(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var provider = context.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<FollowUpOptions>>().Value.Delivery;
        builder.TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System;
        if (options.HttpRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.HttpRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.HttpRetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),

                // A chat service's Retry-After can be minutes: a rescheduled attempt waits for it, not the function.
                ShouldRetryAfterHeader = false,
            });
        }

        builder.AddTimeout(options.RequestTimeout);
    }
}
