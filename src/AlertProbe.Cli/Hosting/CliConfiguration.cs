using Microsoft.Extensions.Configuration;

namespace AlertProbe.Cli.Hosting;

/// <summary>
/// The configuration the CLI hosts the Core handlers with: the environment variables (<c>ThousandEyes__BaseUrl</c> →
/// <c>ThousandEyes:BaseUrl</c>, as the Functions host reads them), then the command's own overrides on top.
/// </summary>
internal static class CliConfiguration
{
    public static IConfigurationRoot Build(CliContext context, IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(overrides);
        var environment = context.Environment.ToDictionary(
            entry => entry.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal),
            entry => entry.Value,
            StringComparer.OrdinalIgnoreCase);
        return new ConfigurationBuilder()
            .AddInMemoryCollection(environment)
            .AddInMemoryCollection(overrides)
            .Build();
    }
}
