using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Functions.Hosting;

public static class ApplicationInsightsLogging
{
    private const string ProviderName = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// The Application Insights SDK adds a filter rule that drops worker logs below Warning; removing it lets
    /// host.json's <c>logging.logLevel</c> decide, as the isolated worker documentation advises.
    /// </summary>
    public static IServiceCollection KeepInformationLogsInApplicationInsights(this IServiceCollection services) =>
        services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(candidate => candidate.ProviderName == ProviderName);
            if (rule is not null)
            {
                options.Rules.Remove(rule);
            }
        });
}
