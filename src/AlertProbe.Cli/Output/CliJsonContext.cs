using System.Text.Json.Serialization;
using AlertProbe.Cli.LocalRun;
using AlertProbe.Cli.Mapping;

namespace AlertProbe.Cli.Output;

/// <summary>The CLI's machine output (<c>map --json</c>, <c>run --json</c>), source-generated; camelCase, indented, nulls kept.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(MapDocument))]
[JsonSerializable(typeof(RunDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
