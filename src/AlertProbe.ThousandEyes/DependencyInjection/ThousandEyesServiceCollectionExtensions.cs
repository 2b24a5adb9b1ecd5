using AlertProbe.ThousandEyes.Agents;
using AlertProbe.ThousandEyes.Authentication;
using AlertProbe.ThousandEyes.Http;
using AlertProbe.ThousandEyes.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.ThousandEyes.DependencyInjection;

/// <summary>Registers the ThousandEyes client: the one extension the Functions app and the CLI both call.</summary>
public static class ThousandEyesServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client (for <c>IHttpClientFactory</c> and handler configuration).</summary>
    public const string HttpClientName = nameof(ThousandEyesClient);

    /// <summary>
    /// Binds and validates (at start-up) <see cref="ThousandEyesOptions"/> and registers
    /// <see cref="ThousandEyesClient"/> as a typed HTTP client with the resilience pipeline. The credential comes
    /// from the <see cref="ThousandEyesCredentialSource"/> registered beforehand (the hosts register theirs, Key
    /// Vault or configuration); if none is, from configuration (<see cref="ConfigurationCredentialSource"/>, its
    /// settings validated at start-up). A <see cref="TimeProvider"/> registered beforehand is kept (tests inject theirs).
    /// </summary>
    public static IServiceCollection AddThousandEyesClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(ThousandEyesClientRegistered)))
        {
            // Already registered (the Functions app and a shared module may both call this).
            return services;
        }

        services.AddSingleton<ThousandEyesClientRegistered>();
        services.AddOptions<ThousandEyesOptions>()
            .Bind(configuration.GetSection(ThousandEyesOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ThousandEyesOptions>, ThousandEyesOptionsValidator>();
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(ThousandEyesCredentialSource)))
        {
            services.AddSingleton<ThousandEyesCredentialSource>(
                sp => new ConfigurationCredentialSource(configuration, sp.GetRequiredService<IOptions<ThousandEyesOptions>>()));
            services.AddSingleton<IValidateOptions<ThousandEyesOptions>>(new ConfigurationCredentialValidator(configuration));
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AgentListCache(sp.GetRequiredService<TimeProvider>()));

        services.AddHttpClient(HttpClientName, (sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<ThousandEyesOptions>>().Value.BaseUrl;

                // The total and per-attempt timeouts live in the resilience handler (on TimeProvider), not here.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddTypedClient((http, sp) => new ThousandEyesClient(
                http,
                sp.GetRequiredService<IOptions<ThousandEyesOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<AgentListCache>(),
                sp.GetRequiredService<ILogger<ThousandEyesClient>>()))
            // The factory's default request logging puts raw header values (the Authorization header included)
            // into the structured log state, even though its message text redacts them; the client logs
            // method, path and status itself.
            .RemoveAllLoggers()
            // Outermost: the credential on every send, one re-read and resend after a 401.
            .AddHttpMessageHandler(sp => new CredentialHandler(
                sp.GetRequiredService<ThousandEyesCredentialSource>(),
                sp.GetRequiredService<ILogger<ThousandEyesClient>>()))
            // Above the resilience handler: reports the answer the client gets, outside the attempt timeout.
            .AddHttpMessageHandler(sp => new RateLimitObservingHandler(
                sp.GetServices<IRateLimitObserver>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<RateLimitObservingHandler>>()))
            .AddStandardResilienceHandler()
            .Configure(ThousandEyesResiliencePipeline.Configure);

        return services;
    }

    /// <summary>Marks the registration done, so a second call adds nothing.</summary>
    private sealed class ThousandEyesClientRegistered;
}
