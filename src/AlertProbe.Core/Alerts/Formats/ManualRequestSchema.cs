using System.Text.Json;
using AlertProbe.Core.Outcomes;
using Json.Schema;

namespace AlertProbe.Core.Alerts.Formats;

/// <summary>
/// The published <c>schemas/manual-request.v1.json</c>, embedded in Core, evaluated against requests:
/// a missing member becomes <see cref="RejectionReasons.MissingField"/>, any other violation
/// <see cref="RejectionReasons.InvalidField"/>, each with its JSON pointer.
/// </summary>
internal static class ManualRequestSchema
{
    public const string ResourceName = "AlertProbe.Schemas.manual-request.v1.json";

    private const int MaxReportedErrors = 5;

    // Built once: the schema's $id would otherwise be registered again on every build.
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    public static JsonSchema Document => Schema.Value;

    public static Rejection? Validate(JsonElement request)
    {
        // Most requests are valid: the pass/fail verdict alone is far cheaper than the list output
        // (docs/benchmarks.md, "Manual request validation: flag-first"), which is built only to describe a failure.
        if (Schema.Value.Evaluate(request, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return null;
        }

        var results = Schema.Value.Evaluate(request, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return null;
        }

        var errors = (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 } && !UnderIf(detail))
            .SelectMany(detail => detail.Errors!.Select(error => (Keyword: error.Key, Pointer: Pointer(detail), error.Value)))
            .ToList();
        if (errors.Count == 0)
        {
            return new Rejection(RejectionReasons.InvalidField, "The manual request does not match schemas/manual-request.v1.json.");
        }

        // Missing members first: they are the usual mistake and the clearest fix.
        errors = [.. errors.OrderBy(error => error.Keyword == "required" ? 0 : 1)];
        var reason = errors[0].Keyword == "required" ? RejectionReasons.MissingField : RejectionReasons.InvalidField;
        var described = errors
            .Select(error => $"{(error.Pointer.Length == 0 ? "/" : error.Pointer)}: {error.Value}")
            .Distinct()
            .Take(MaxReportedErrors);
        return new Rejection(reason, $"The manual request does not match schemas/manual-request.v1.json: {string.Join("; ", described)}");
    }

    private static string Pointer(EvaluationResults detail) => detail.InstanceLocation.ToString();

    // An "if" that fails only selects the branch; the list output still reports its errors, which are noise.
    private static bool UnderIf(EvaluationResults detail) =>
        detail.EvaluationPath.ToString().Split('/').Contains("if", StringComparer.Ordinal);

    private static JsonSchema Load()
    {
        using var stream = typeof(ManualRequestSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(ManualRequestSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd(), PrivateRegistry());
    }

    // A registry of its own: the global one refuses a second registration of the same $id (another
    // loader, or a test, loading the same schema would then throw).
    private static BuildOptions PrivateRegistry() => new() { SchemaRegistry = new SchemaRegistry() };
}
