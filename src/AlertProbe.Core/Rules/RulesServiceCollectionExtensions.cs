using AlertProbe.Core.Planning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Rules;

public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RulesOptions"/> (validated on start: the rules must load), the <see cref="RuleSetProvider"/>
    /// that owns the rules in use (the configured file, else the built-in default rules), the <see cref="RuleSet"/>
    /// in use and the <see cref="RulePlanner"/>. The document is read once, by the start-up validation.
    /// </summary>
    public static IServiceCollection AddAlertRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RulesOptions>()
            .Bind(configuration.GetSection(RulesOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RulesOptions>, RulesOptionsValidator>());

        // The provider must not depend on IOptions<RulesOptions>: the options validator depends on the provider.
        services.TryAddSingleton(provider => new RuleSetProvider(
            SourceFor,
            provider.GetService<TimeProvider>(),
            provider.GetService<ILogger<RuleSetProvider>>()));
        services.TryAddTransient(provider => CurrentRules(provider).Current);
        services.TryAddSingleton(provider => new RulePlanner(CurrentRules(provider), provider.GetService<ILogger<RulePlanner>>()));
        return services;
    }

    /// <summary>The provider, after the start-up validation has loaded the rules (resolving the options runs it once).</summary>
    private static RuleSetProvider CurrentRules(IServiceProvider provider)
    {
        _ = provider.GetRequiredService<IOptions<RulesOptions>>().Value;
        return provider.GetRequiredService<RuleSetProvider>();
    }

    private static FileRulesDocumentSource? SourceFor(RulesOptions options) =>
        string.IsNullOrWhiteSpace(options.Path) ? null : new FileRulesDocumentSource(options.Path);
}
