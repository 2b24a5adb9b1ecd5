using AlertProbe.Core.AzureClients;
using AlertProbe.Core.Planning;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Rules;

public static class RulesServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="BlobServiceClient"/> the rules blob is read with.</summary>
    public const string BlobClientName = "Rules";

    /// <summary>
    /// Registers <see cref="RulesOptions"/> (validated on start: the rules must load), the <see cref="RuleSetProvider"/>
    /// that owns the rules in use (the configured blob, else file, else the built-in default rules), the
    /// <see cref="RuleSet"/> in use, the <see cref="RulePlanner"/> and, in a host, the reload poll. The document is read
    /// once at start-up, by the validation; afterwards only when its version changes.
    /// </summary>
    public static IServiceCollection AddAlertRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RulesOptions>()
            .Bind(configuration.GetSection(RulesOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RulesOptions>, RulesOptionsValidator>());

        // The rules blob's client (when Rules:Blob is configured) is registered with the app's other Azure clients.
        services.AddAlertProbeAzureClients(configuration);

        // The provider must not depend on IOptions<RulesOptions>: the options validator depends on the provider.
        services.TryAddSingleton(provider => new RuleSetProvider(
            options => SourceFor(options, provider),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILogger<RuleSetProvider>>()));
        services.TryAddTransient(provider => CurrentRules(provider).Current);
        services.TryAddSingleton(provider => new RulePlanner(CurrentRules(provider), provider.GetService<ILogger<RulePlanner>>()));
        services.AddHostedService(provider => new RulesReloadService(
            provider.GetRequiredService<RuleSetProvider>(), provider.GetRequiredService<IOptions<RulesOptions>>(), provider.GetService<TimeProvider>()));
        return services;
    }

    /// <summary>The document <paramref name="options"/> name: the blob, else the file, else null (the built-in rules).</summary>
    public static RulesDocumentSource? SourceFor(RulesOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        if (options.Blob.IsConfigured)
        {
            var client = services.GetRequiredService<IAzureClientFactory<BlobServiceClient>>().CreateClient(BlobClientName);
            return new BlobRulesDocumentSource(client.GetBlobContainerClient(options.Blob.ContainerName).GetBlobClient(options.Blob.BlobName));
        }

        return string.IsNullOrWhiteSpace(options.Path) ? null : new FileRulesDocumentSource(options.Path);
    }

    /// <summary>The provider, after the start-up validation has loaded the rules (resolving the options runs it once).</summary>
    private static RuleSetProvider CurrentRules(IServiceProvider provider)
    {
        _ = provider.GetRequiredService<IOptions<RulesOptions>>().Value;
        return provider.GetRequiredService<RuleSetProvider>();
    }
}
