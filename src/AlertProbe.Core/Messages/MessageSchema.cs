using System.Text.Json;
using Json.Schema;

namespace AlertProbe.Core.Messages;

/// <summary>
/// A contract's JSON Schema, loaded from the copy of <c>schemas/*.json</c> embedded in this assembly, so reading a
/// message checks exactly what the published schema promises.
/// </summary>
internal sealed class MessageSchema
{
    private static readonly Lazy<MessageSchema> CreatedSchema = new(() => Load("instant-test-created.v1.json"));
    private static readonly Lazy<MessageSchema> ResultsSchema = new(() => Load("instant-test-results.v1.json"));

    private readonly JsonSchema _schema;

    private MessageSchema(JsonSchema schema) => _schema = schema;

    public static MessageSchema InstantTestCreated => CreatedSchema.Value;

    public static MessageSchema InstantTestResults => ResultsSchema.Value;

    public static MessageSchema FromText(string text) =>
        // A private registry: the global one refuses a second schema with the same $id (tests load the files too).
        new(JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>The instance's violations, at most <paramref name="limit"/>; empty when it is valid.</summary>
    public IReadOnlyList<SchemaViolation> Evaluate(JsonElement instance, int limit = 5)
    {
        var results = _schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var violations = new List<SchemaViolation>();
        foreach (var detail in results.Details ?? [])
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                violations.Add(new SchemaViolation(detail.InstanceLocation.ToString(), keyword, message));
                if (violations.Count == limit)
                {
                    return violations;
                }
            }
        }

        return violations.Count > 0 ? violations : [new SchemaViolation("", "schema", "The message does not match its schema.")];
    }

    private static MessageSchema Load(string fileName)
    {
        var resourceName = "AlertProbe.Schemas." + fileName;
        using var stream = typeof(MessageSchema).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded schema '{resourceName}' is missing from {typeof(MessageSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return FromText(reader.ReadToEnd());
    }
}

/// <summary>One schema violation: where in the message (a JSON pointer), which keyword, and the validator's words.</summary>
internal sealed record SchemaViolation(string Location, string Keyword, string Message)
{
    public override string ToString() => $"{(Location.Length == 0 ? "/" : Location)}: {Message}";
}
