using System.Text.Json.Serialization;

namespace AlertProbe.Functions.Health;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthReportResponse))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
