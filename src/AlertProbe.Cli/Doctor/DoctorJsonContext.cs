using System.Text.Json.Serialization;

namespace AlertProbe.Cli.Doctor;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DoctorDocument))]
internal sealed partial class DoctorJsonContext : JsonSerializerContext;
