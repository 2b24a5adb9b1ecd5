using AlertProbe.Core.Ingress;
using AlertProbe.Functions.Health;
using AlertProbe.ThousandEyes.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertProbe.Functions.Hosting;

public static class AlertProbeFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Everything the Functions app registers, in one place: each feature's own registration extension (the
    /// CLI host calls the same ones) and the health checks. A new feature is added here, once.
    /// </summary>
    public static IServiceCollection AddAlertProbeFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddThousandEyesClient(configuration);
        services.AddAlertProbeIngress(configuration);

        services.AddAlertProbeHealthChecks(configuration)
            .AddOptionsCheck<IngressOptions>("ingress", IngressOptions.SectionName);

        return services;
    }
}
