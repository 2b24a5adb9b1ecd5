using AlertProbe.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.Delivery;

public static class ReplyPolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReplyPolicyOptions"/> (section <c>ReplyPolicy</c>, validated at start-up), the <see cref="ReplyPolicy"/>
    /// singleton, and the start-up check of the configured reply addresses against it (<see cref="ReplyPolicyStartupValidator"/>).
    /// </summary>
    public static IServiceCollection AddReplyPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // Ingress, intake and follow-up all register it: the binding is added once, so the lists are not repeated.
        services.AddBoundOptions<ReplyPolicyOptions>(configuration.GetSection(ReplyPolicyOptions.SectionName));
        services.AddOptionsValidator<ReplyPolicyOptions, ReplyPolicyOptionsValidator>();
        services.TryAddSingleton<ReplyPolicy>();

        // Reply addresses from configuration are judged at start-up (FollowUp:Delivery:DefaultUrl, Ingress:Teams:ResultsWebhookUrl).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FollowUpOptions>, ReplyPolicyStartupValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Ingress.IngressOptions>, ReplyPolicyStartupValidator>());
        return services;
    }
}
