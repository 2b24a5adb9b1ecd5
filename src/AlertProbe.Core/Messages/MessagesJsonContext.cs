using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlertProbe.Core.Messages;

/// <summary>
/// Source-generated System.Text.Json metadata for the message contracts: camelCase names, enums as their
/// documented strings, nulls omitted, nullable annotations and required members enforced on read.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    MaxDepth = 32,
    Converters = [typeof(AlertSourceJsonConverter), typeof(AlertSeverityJsonConverter)])]
[JsonSerializable(typeof(InstantTestCreated))]
[JsonSerializable(typeof(InstantTestResults))]
[JsonSerializable(typeof(IReadOnlyList<WriteBackTarget>))]
public sealed partial class MessagesJsonContext : JsonSerializerContext;
