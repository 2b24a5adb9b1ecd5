using AlertProbe.Simulator.Catalog;

namespace AlertProbe.Simulator.Api;

internal static class ApiVersions
{
    /// <summary>The version a path belongs to; paths outside /v6 get v7-style answers.</summary>
    public static ApiVersion FromPath(string path) =>
        path.StartsWith("/v6/", StringComparison.OrdinalIgnoreCase) || path.Equals("/v6", StringComparison.OrdinalIgnoreCase)
            ? ApiVersion.V6
            : ApiVersion.V7;
}
