using AlertProbe.Core.Settings;
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
        // Ingress and intake both register it: the binding is added once, so the lists are not repeated.
        services.AddBoundOptions<TargetPolicyOptions>(configuration.GetSection(TargetPolicyOptions.SectionName));
        services.AddOptionsValidator<TargetPolicyOptions, TargetPolicyOptionsValidator>();
        services.TryAddSingleton<TargetPolicy>();
        return services;
    }
}
