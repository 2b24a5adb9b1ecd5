using AlertProbe.ThousandEyes.Agents;
using AlertProbe.ThousandEyes.Authentication;
using AlertProbe.ThousandEyes.Http;
using AlertProbe.ThousandEyes.RateLimiting;
using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.ThousandEyes.DependencyInjection;

/// <summary>Registers the ThousandEyes client: the one extension the Functions app and the CLI both call.</summary>
public static class ThousandEyesServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client (for <c>IHttpClientFactory</c> and handler configuration).</summary>
    public const string HttpClientName = nameof(ThousandEyesClient);

    /// <summary>
    /// Binds and validates (at start-up) <see cref="ThousandEyesOptions"/> and <see cref="KeyVaultOptions"/>,
    /// picks the credential source (Key Vault when <c>KeyVault:Uri</c> is set, else configuration), and registers
    /// <see cref="ThousandEyesClient"/> as a typed HTTP client with the resilience pipeline. A
    /// <see cref="SecretClient"/>, <see cref="ThousandEyesCredentialSource"/> or <see cref="TimeProvider"/>
    /// registered beforehand is kept (tests inject theirs).
    /// </summary>
    public static IServiceCollection AddThousandEyesClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(RateLimitTracker)))
        {
            // Already registered (the Functions app and a shared module may both call this).
            return services;
        }

        services.AddOptions<ThousandEyesOptions>()
            .Bind(configuration.GetSection(ThousandEyesOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<KeyVaultOptions>()
            .Bind(configuration.GetSection(KeyVaultOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ThousandEyesOptions>>(
            sp => new ThousandEyesOptionsValidator(configuration, sp.GetRequiredService<IOptions<KeyVaultOptions>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyVaultOptions>, KeyVaultOptionsValidator>());

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RateLimitTracker>();
        services.TryAddSingleton(sp => new AgentListCache(sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton(sp =>
        {
            var vault = sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value;
            var uri = vault.Uri ?? throw new InvalidOperationException($"{KeyVaultOptions.SectionName}:Uri is not set.");
            TokenCredential credential = string.IsNullOrWhiteSpace(vault.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(vault.ManagedIdentityClientId));
            return new SecretClient(uri, credential);
        });
        services.TryAddSingleton<ThousandEyesCredentialSource>(sp =>
            sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value.Uri is null
                ? new ConfigurationCredentialSource(configuration, sp.GetRequiredService<IOptions<ThousandEyesOptions>>())
                : ActivatorUtilities.CreateInstance<KeyVaultCredentialSource>(sp));

        services.AddHttpClient(HttpClientName, (sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<ThousandEyesOptions>>().Value.BaseUrl;

                // Per-attempt timeouts live in the resilience pipeline (on TimeProvider); this is only a backstop.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddTypedClient((http, sp) => new ThousandEyesClient(
                http,
                sp.GetRequiredService<ThousandEyesCredentialSource>(),
                sp.GetRequiredService<IOptions<ThousandEyesOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<RateLimitTracker>(),
                sp.GetRequiredService<AgentListCache>(),
                sp.GetRequiredService<ILogger<ThousandEyesClient>>()))
            // The factory's default request logging puts raw header values (the Authorization header included)
            // into the structured log state, even though its message text redacts them; the client logs
            // method, path and status itself.
            .RemoveAllLoggers()
            .AddResilienceHandler(ThousandEyesResiliencePipeline.Name, ThousandEyesResiliencePipeline.Configure);

        return services;
    }
}
