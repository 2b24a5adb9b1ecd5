using AlertProbe.Core.Diagnostics;
using AlertProbe.Core.FollowUp;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Redaction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Cli.Hosting;

/// <summary>
/// The DI container of a CLI command: the very registration extensions the Functions app calls
/// (<see cref="IntakeServiceCollectionExtensions.AddAlertIntake"/>,
/// <see cref="FollowUpServiceCollectionExtensions.AddAlertProbeFollowUp"/>), over the CLI's configuration, with the
/// handlers' logs on standard error.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(
        CliContext context,
        IConfiguration configuration,
        LogDisplay display,
        FailureCauses? causes = null,
        TimeProvider? timeProvider = null,
        bool withFollowUp = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(display);
        causes ??= new FailureCauses();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(causes);
        services.AddLogging(logging => logging
            .SetMinimumLevel(display.Minimum)
            .AddProvider(new TextWriterLoggerProvider(context.Error, display, causes)));
        // Every log text passes the one redactor before the provider sees it, as in the Functions app.
        services.AddSecretRedactingLogging();

        if (timeProvider is not null)
        {
            // Registered first: the extensions only add the system clock when none is there.
            services.AddSingleton(timeProvider);
        }

        services.AddAlertIntake(configuration);
        if (withFollowUp)
        {
            services.AddAlertProbeFollowUp(configuration);
        }

        // After the features: trace context on every message sent, the budget gauge, the reply span (as in the Functions app).
        services.AddAlertProbeTelemetry();

        // Innermost on every client (configured after the clients' own handlers, so added last, next to the socket):
        // sees each attempt's failure, also while the resilience pipeline is still retrying.
        services.ConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(builder => builder.AdditionalHandlers.Add(new CauseRecordingHandler(causes))));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>
    /// Runs the start-up validation of every option registered with <c>ValidateOnStart</c> (what a host does when it
    /// starts); the failures name the settings. Empty when the configuration is valid.
    /// </summary>
    public static IReadOnlyList<string> ValidateOnStart(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return [.. exception.Failures];
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is OptionsValidationException))
        {
            return [.. exception.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }
}
