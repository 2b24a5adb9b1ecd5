using AlertProbe.Core.Planning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Rules;

public static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RulesOptions"/> (validated on start: the rules file must load), the <see cref="RuleSet"/>
    /// (the configured file, else the built-in default rules) and the <see cref="RulePlanner"/>, all singletons.
    /// </summary>
    public static IServiceCollection AddAlertRules(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RulesOptions>()
            .Bind(configuration.GetSection(RulesOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RulesOptions>, RulesOptionsValidator>());
        services.TryAddSingleton(provider => Load(provider.GetRequiredService<IOptions<RulesOptions>>().Value));
        services.TryAddSingleton<RulePlanner>();
        return services;
    }

    private static RuleSet Load(RulesOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return RuleSetLoader.LoadDefault();
        }

        // The validator already loaded this file at start-up; failing here means it changed since.
        var result = RuleSetLoader.LoadFile(options.Path);
        return result.IsSuccess
            ? result.RuleSet
            : throw new InvalidOperationException($"The rules file does not load:{Environment.NewLine}{result}");
    }
}
