using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Alerts;

public static class AlertParsingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="AlertPayloadParser"/> with its options bound from <see cref="AzureMonitorParserOptions.SectionName"/>.</summary>
    public static IServiceCollection AddAlertParsing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AzureMonitorParserOptions>()
            .Configure(options => configuration.GetSection(AzureMonitorParserOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureMonitorParserOptions>, AzureMonitorParserOptionsValidator>());
        services.TryAddSingleton(provider => new AlertPayloadParser(provider.GetRequiredService<IOptions<AzureMonitorParserOptions>>().Value));
        return services;
    }
}
