using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace AlertProbe.Core.Rules;

/// <summary>The embedded JSON Schema of the rules format (<c>schemas/rules.v1.json</c>) and its findings on a document.</summary>
internal static class RulesSchema
{
    public const string ResourceName = "AlertProbe.Schemas.rules.v1.json";

    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The schema text, for tools that want to show or export it.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(RulesSchema).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Each failing schema keyword as (JSON Pointer of the instance, message).</summary>
    public static IReadOnlyList<(string Pointer, string Message)> Check(JsonNode? document)
    {
        using var json = JsonDocument.Parse(document?.ToJsonString() ?? "null");
        var findings = new List<(string, string)>();

        // Pass/fail first: the detailed list output costs several times more and is only needed to explain a failure.
        if (Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return findings;
        }

        var results = Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return findings;
        }

        foreach (var node in results.Details ?? [])
        {
            if (node.IsValid || node.Errors is null)
            {
                continue;
            }

            var pointer = node.InstanceLocation.ToString();
            foreach (var (keyword, message) in node.Errors)
            {
                findings.Add((pointer, Describe(keyword, message, pointer)));
            }
        }

        return findings.Distinct().ToList();
    }

    private static string Describe(string keyword, string message, string pointer) => keyword switch
    {
        "" or "false" => $"unknown field '{pointer[(pointer.LastIndexOf('/') + 1)..]}'",
        _ => message,
    };

    private static JsonSchema Load() => JsonSchema.FromText(Text, PrivateRegistry());

    // A registry of its own: the global one refuses a second registration of the same $id (another
    // loader, or a test, loading the same schema would then throw).
    private static BuildOptions PrivateRegistry() => new() { SchemaRegistry = new SchemaRegistry() };
}
