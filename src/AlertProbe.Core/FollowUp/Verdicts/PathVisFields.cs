using AlertProbe.ThousandEyes;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// What fault localisation reads from path visualisation, per shape and API version; the contract tests check each
/// field against the catalogue (rows and nested shapes of result-rows.json):
/// v7 Test_Results_API_PathVisTestResult / PathTrace / PathVisDetailTestResult / PathVisRoute / PathVisHop;
/// v6 docs "(Network) Path visualization" (<c>endpoints</c>) and "(Network) Detailed path trace" (<c>routes</c>, <c>hops</c>).
/// </summary>
public static class PathVisFields
{
    /// <summary>The summary row (<c>/path-vis</c>): addresses and the list of traces.</summary>
    public static IReadOnlyList<string> Summary(ThousandEyesApiVersion version) => version == ThousandEyesApiVersion.V6
        ? ["serverIp", "sourceIp", "sourcePrefix", TracesOf(version)]
        : ["serverIp", "sourceIp", "sourcePrefix", "direction", TracesOf(version)];

    /// <summary>The summary's trace list: v7 <c>pathTraces</c>, v6 <c>endpoints</c>.</summary>
    public static string TracesOf(ThousandEyesApiVersion version) => version == ThousandEyesApiVersion.V6 ? "endpoints" : "pathTraces";

    /// <summary>One summary trace: where it ended and after how many hops.</summary>
    public static IReadOnlyList<string> Trace { get; } = ["ipAddress", "numberOfHops"];

    /// <summary>The per-agent, per-round detail row: v7 <c>pathTraces</c> of routes, v6 <c>routes</c>.</summary>
    public static IReadOnlyList<string> Detail(ThousandEyesApiVersion version) =>
        ["serverIp", "sourceIp", "sourcePrefix", "direction", RoutesOf(version)];

    public static string RoutesOf(ThousandEyesApiVersion version) => version == ThousandEyesApiVersion.V6 ? "routes" : "pathTraces";

    /// <summary>One route of the detail.</summary>
    public static IReadOnlyList<string> Route { get; } = ["hops"];

    /// <summary>One hop: index, address, prefix, AS (<c>network</c>, "NTT America, Inc. (AS 2914)") and RTT.</summary>
    public static IReadOnlyList<string> Hop { get; } = ["hop", "ipAddress", "prefix", "network", "responseTime"];

    /// <summary>Every (catalogue shape name, version, fields) read, for the contract tests.</summary>
    public static IEnumerable<(string Shape, ThousandEyesApiVersion Version, IReadOnlyList<string> Fields)> All
    {
        get
        {
            foreach (var version in new[] { ThousandEyesApiVersion.V6, ThousandEyesApiVersion.V7 })
            {
                yield return ("path-vis", version, Summary(version));
                yield return ("path-vis.trace", version, Trace);
                yield return ("path-vis.detail", version, Detail(version));
                yield return ("path-vis.route", version, Route);
                yield return ("path-vis.hop", version, Hop);
            }
        }
    }
}
