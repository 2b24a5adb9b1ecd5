using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlertProbe.Cli.LocalRun;
using AlertProbe.Cli.Mapping;

namespace AlertProbe.Cli.Output;

/// <summary>
/// Writes the CLI's JSON documents: the source-generated <see cref="CliJsonContext"/> with an encoder that keeps
/// text as written (an apostrophe stays <c>'</c>, not <c>\u0027</c>): the output is read by people and jq, never
/// embedded in HTML, and JSON itself only needs quotes, backslashes and control characters escaped.
/// </summary>
internal static class CliJson
{
    private static readonly CliJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>For JSON shown inside text output (map's request bodies).</summary>
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(MapDocument document) => JsonSerializer.Serialize(document, Context.MapDocument);

    public static string Serialize(RunDocument document) => JsonSerializer.Serialize(document, Context.RunDocument);
}
