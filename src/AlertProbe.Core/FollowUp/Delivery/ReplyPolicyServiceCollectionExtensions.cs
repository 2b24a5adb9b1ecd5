using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.Delivery;

public static class ReplyPolicyServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ReplyPolicyOptions"/> (section <c>ReplyPolicy</c>, validated at start-up) and the <see cref="ReplyPolicy"/> singleton.</summary>
    public static IServiceCollection AddReplyPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(ReplyPolicy)))
        {
            return services;
        }

        services.AddOptions<ReplyPolicyOptions>()
            .Bind(configuration.GetSection(ReplyPolicyOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReplyPolicyOptions>, ReplyPolicyOptionsValidator>());
        services.TryAddSingleton<ReplyPolicy>();
        return services;
    }
}
