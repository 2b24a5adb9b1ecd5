using System.Text;
using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Tests.Alerts;

/// <summary>Payload fixtures written for this project (Fixtures/Alerts/&lt;source&gt;/&lt;case&gt;.json).</summary>
internal static class AlertFixtures
{
    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Alerts", name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));

    public static AlertParseResult Parse(string name, PayloadHints? hints = null, AlertPayloadParser? parser = null) =>
        (parser ?? new AlertPayloadParser()).Parse(Bytes(name), hints ?? PayloadHints.None);

    public static AlertParseResult ParseText(string json, PayloadHints? hints = null) =>
        new AlertPayloadParser().Parse(Encoding.UTF8.GetBytes(json), hints ?? PayloadHints.None);

    /// <summary>The single alert of a successful result; fails the test with the rejection otherwise.</summary>
    public static Alert Single(AlertParseResult result)
    {
        Assert.False(result.IsRejected, result.Rejection?.ToString());
        return Assert.Single(result.Alerts);
    }

    public static void AssertSuccess(AlertParseResult result) =>
        Assert.False(result.IsRejected, result.Rejection?.ToString());
}
