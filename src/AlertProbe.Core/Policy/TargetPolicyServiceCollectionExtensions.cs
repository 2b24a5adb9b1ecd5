using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Policy;

public static class TargetPolicyServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TargetPolicyOptions"/> (validated on start) and the <see cref="TargetPolicy"/> singleton, once.</summary>
    public static IServiceCollection AddTargetPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // Ingress and intake both register it; binding the lists twice would repeat their entries.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(TargetPolicy)))
        {
            return services;
        }

        services.AddOptions<TargetPolicyOptions>()
            .Bind(configuration.GetSection(TargetPolicyOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TargetPolicyOptions>, TargetPolicyOptionsValidator>());
        services.TryAddSingleton<TargetPolicy>();
        return services;
    }
}
