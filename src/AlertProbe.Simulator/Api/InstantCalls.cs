using System.Text.RegularExpressions;
using AlertProbe.Simulator.Catalog;

namespace AlertProbe.Simulator.Api;

/// <summary>Recognises the calls that also count against the instant-test rate limit (create and rerun).</summary>
internal static partial class InstantCalls
{
    public static bool IsInstantCall(string method, string path) =>
        string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) && InstantPath().IsMatch(path);

    /// <summary>v6 tolerates a <c>.json</c> suffix; v7 does not (it answers 404).</summary>
    public static string StripJsonSuffix(ApiVersion version, string path) =>
        version == ApiVersion.V6 && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? path[..^5] : path;

    [GeneratedRegex(@"^/(v6/instant/[^/]+(/rerun)?|v7/tests/[^/]+/(instant|run))/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InstantPath();
}
