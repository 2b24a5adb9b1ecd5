using System.Text.Json.Nodes;

namespace AlertProbe.Testing.Contract;

/// <summary>
/// The vendor's result rows and response shapes as the repository keeps them
/// (tests/AlertProbe.ThousandEyes.Tests/Contract/Results/result-rows.json and Contract/Responses/response-shapes.json):
/// facts transcribed from the v7 OpenAPI document and the v6 developer docs, each entry naming its source.
/// </summary>
public static class ContractCatalogue
{
    private static readonly Lazy<IReadOnlyDictionary<(string Family, string Version), ContractShape>> RowShapes = new(() => LoadRows());
    private static readonly Lazy<IReadOnlyDictionary<(string Shape, string Version), ContractShape>> NestedShapes = new(() => LoadNested());
    private static readonly Lazy<IReadOnlyDictionary<string, ContractShape>> ResponseShapes = new(() => LoadShapes());

    /// <summary>Every catalogued (family, version) of result rows: family by its v7 segment ("rtp-server"), version "v6"/"v7".</summary>
    public static IEnumerable<(string Family, string Version)> RowFamilies => RowShapes.Value.Keys;

    /// <summary>The row fields of <paramref name="family"/> (v7 segment name) in <paramref name="version"/> ("v6"/"v7"); null when not catalogued.</summary>
    public static ContractShape? Row(string family, string version) => RowShapes.Value.GetValueOrDefault((family, version));

    /// <summary>A shape nested in result rows ("path-vis.hop", "path-vis.detail", "agent", …) in <paramref name="version"/>; null when not catalogued.</summary>
    public static ContractShape? Nested(string shape, string version) => NestedShapes.Value.GetValueOrDefault((shape, version));

    /// <summary>A response shape by name ("v7.create.http-server", "v7.error.unauthorized", "v6.agents.agent", …).</summary>
    public static ContractShape Shape(string name) =>
        ResponseShapes.Value.TryGetValue(name, out var shape) ? shape : throw new KeyNotFoundException($"No catalogued response shape '{name}'.");

    private static Dictionary<(string, string), ContractShape> LoadRows()
    {
        var root = Load("Results", "result-rows.json");
        return root["rows"]!.AsArray().Select(entry => entry!.AsObject()).ToDictionary(
            entry => ((string)entry["family"]!, (string)entry["version"]!),
            entry => new ContractShape($"{(string)entry["version"]!} {(string)entry["family"]!} row", (string)entry["source"]!, Fields(entry["fields"]!.AsObject())));
    }

    private static Dictionary<(string, string), ContractShape> LoadNested()
    {
        var root = Load("Results", "result-rows.json");
        return root["nested"]!.AsArray().Select(entry => entry!.AsObject()).ToDictionary(
            entry => ((string)entry["shape"]!, (string)entry["version"]!),
            entry => new ContractShape($"{(string)entry["version"]!} {(string)entry["shape"]!}", (string)entry["source"]!, Fields(entry["fields"]!.AsObject())));
    }

    private static Dictionary<string, ContractShape> LoadShapes()
    {
        var root = Load("Responses", "response-shapes.json");
        return root["shapes"]!.AsObject().ToDictionary(
            pair => pair.Key,
            pair => new ContractShape(pair.Key, (string)pair.Value!["source"]!, Fields(pair.Value!["fields"]!.AsObject())));
    }

    private static Dictionary<string, string> Fields(JsonObject fields) =>
        fields.ToDictionary(pair => pair.Key, pair => (string)pair.Value!, StringComparer.Ordinal);

    private static JsonObject Load(string folder, string file) =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("tests", "AlertProbe.ThousandEyes.Tests", "Contract", folder, file)))!.AsObject();
}
