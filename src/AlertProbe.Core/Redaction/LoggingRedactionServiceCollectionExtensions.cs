using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Redaction;

public static class LoggingRedactionServiceCollectionExtensions
{
    /// <summary>
    /// Puts <see cref="RedactingLoggerFactory"/> in front of the platform's logger factory, so every text given to an
    /// <see cref="ILogger"/> resolved from this container passes the one redactor. The Functions app and the CLI both call
    /// it; the order against <c>AddLogging</c> and provider registrations does not matter (providers are read when the
    /// factory is first built).
    /// </summary>
    public static IServiceCollection AddSecretRedactingLogging(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(new LoggerFactory(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            provider.GetService<IOptions<LoggerFactoryOptions>>(),
            provider.GetService<IExternalScopeProvider>()))));
        return services;
    }
}
