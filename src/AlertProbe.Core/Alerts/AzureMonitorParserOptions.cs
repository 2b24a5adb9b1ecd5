namespace AlertProbe.Core.Alerts;

/// <summary>Settings the Azure Monitor parser needs beyond the payload.</summary>
public sealed class AzureMonitorParserOptions
{
    public const string SectionName = "AlertParsing:AzureMonitor";

    /// <summary>
    /// Availability (web test) alerts carry the web test's name but not the URL it tests: this maps web test
    /// names (case-insensitive) to the URL to probe.
    /// </summary>
    public Dictionary<string, string> WebTestUrls { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
