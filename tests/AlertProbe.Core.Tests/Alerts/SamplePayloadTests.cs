using System.Runtime.CompilerServices;
using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Tests.Alerts;

/// <summary>The payloads under samples/alerts (used by the README and the CLI) stay parseable.</summary>
public class SamplePayloadTests
{
    public static TheoryData<string, AlertSource> Samples => new()
    {
        { "azure-monitor.json", AlertSource.AzureMonitor },
        { "alertmanager.json", AlertSource.Alertmanager },
        { "grafana.json", AlertSource.Grafana },
        { "pagerduty.json", AlertSource.PagerDuty },
        { "servicenow.json", AlertSource.ServiceNow },
        { "cloudevents.json", AlertSource.CloudEvents },
        { "manual-http-server.json", AlertSource.Manual },
        { "manual-agent-to-server.json", AlertSource.Manual },
        { "manual-list.json", AlertSource.Manual },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_is_detected_and_gives_alerts_with_targets(string sample, AlertSource format)
    {
        var result = new AlertPayloadParser().Parse(File.ReadAllBytes(Path.Combine(SamplesDirectory(), sample)), PayloadHints.None);

        AlertFixtures.AssertSuccess(result);
        Assert.Equal(format, result.Format);
        Assert.NotEmpty(result.Alerts);
        Assert.All(result.Alerts, alert => Assert.NotEmpty(alert.Targets));
    }

    // The samples are not copied to the output: find them from this source file's location.
    private static string SamplesDirectory([CallerFilePath] string sourceFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile)!, "..", "..", "..", "samples", "alerts"));
}
