using AlertProbe.Core.FollowUp.Delivery;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;

namespace AlertProbe.Core.Diagnostics;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Instruments what is registered so far, at its boundaries, without touching the handlers: the
    /// <see cref="ServiceBusClient"/> (every sender propagates trace context in a producer span) and
    /// <see cref="VerdictDelivery"/> (<c>reply</c> span). The budget-remaining gauge is recorded by
    /// <see cref="AlertProbe.Core.RateLimiting.RateBudget"/> itself, on every decision. Call it
    /// after the feature registrations (the Functions app and the CLI do); a service not registered is skipped.
    /// Exporting is the host's business: this only emits on <see cref="AlertProbeTelemetry.Name"/>.
    /// </summary>
    public static IServiceCollection AddAlertProbeTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Decorate<ServiceBusClient>(services, client => client as TracingServiceBusClient ?? new TracingServiceBusClient(client));
        Decorate<VerdictDelivery>(services, delivery => delivery as TracedVerdictDelivery ?? new TracedVerdictDelivery(delivery));
        return services;
    }

    /// <summary>Replaces the last registration of <typeparamref name="TService"/> with <paramref name="decorate"/> of it, same lifetime.</summary>
    private static void Decorate<TService>(IServiceCollection services, Func<TService, TService> decorate)
        where TService : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(TService) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return;
        }

        var original = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(TService), provider => decorate(Create<TService>(provider, original)), original.Lifetime);
    }

    private static TService Create<TService>(IServiceProvider provider, ServiceDescriptor original)
        where TService : class
    {
        if (original.ImplementationInstance is TService instance)
        {
            return instance;
        }

        if (original.ImplementationFactory is { } factory)
        {
            return (TService)factory(provider);
        }

        return (TService)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!);
    }
}
