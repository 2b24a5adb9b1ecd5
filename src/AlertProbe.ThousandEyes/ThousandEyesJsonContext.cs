using System.Text.Json.Serialization;
using AlertProbe.ThousandEyes.Agents;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.RateLimiting;
using AlertProbe.ThousandEyes.Responses;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.ThousandEyes;

/// <summary>
/// Source-generated JSON for the client's models: problem details read from the wire, and the response models
/// consumers store or publish (ledger entries, messages). Free-form definitions and rows stay JsonNode.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ThousandEyesProblemDetails))]
[JsonSerializable(typeof(CreatedInstantTest))]
[JsonSerializable(typeof(InstantTestRerun))]
[JsonSerializable(typeof(ThousandEyesAgent))]
[JsonSerializable(typeof(IReadOnlyList<ThousandEyesAgent>))]
[JsonSerializable(typeof(TestResults))]
[JsonSerializable(typeof(RateLimitSnapshot))]
public sealed partial class ThousandEyesJsonContext : JsonSerializerContext;
