using System.Text.Json.Nodes;

namespace AlertProbe.Simulator.Catalog;

/// <summary>
/// The instant-test request fields the simulator accepts, per version and type: the vendor's request schemas
/// (v7 Instant Tests API 7.0.100; v6 from the vendor's v6 SDK and Terraform provider) as the embedded
/// <c>instant-test-requests.json</c>. The contract tests prove this equals the catalogue under tests/, so the
/// simulator refuses what the real API would not recognise instead of agreeing with a client mistake.
/// </summary>
public static class RequestCatalog
{
    private static readonly Lazy<JsonObject> Loaded = new(Load);

    /// <summary>A copy of the whole document (<c>versions.{v6|v7}.types.{type}.fields</c>).</summary>
    public static JsonObject Document => Loaded.Value.DeepClone().AsObject();

    /// <summary>The fields of the type named <paramref name="typeSegment"/> in <paramref name="version"/>, or null.</summary>
    internal static JsonObject? FieldsOf(ApiVersion version, string typeSegment) =>
        Loaded.Value["versions"]?[version == ApiVersion.V6 ? "v6" : "v7"]?["types"]?[typeSegment]?["fields"] as JsonObject;

    private static JsonObject Load()
    {
        using var stream = typeof(RequestCatalog).Assembly.GetManifestResourceStream("AlertProbe.Simulator.instant-test-requests.json")
            ?? throw new InvalidOperationException("The simulator's request catalogue resource is missing from the assembly.");
        return JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidOperationException("The simulator's request catalogue is not a JSON object.");
    }
}
