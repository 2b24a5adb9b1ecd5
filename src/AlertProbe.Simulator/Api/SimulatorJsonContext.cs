using System.Text.Json;
using System.Text.Json.Serialization;
using AlertProbe.Simulator.Api.V6;
using AlertProbe.Simulator.Api.V7;

namespace AlertProbe.Simulator.Api;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(V6ErrorBody))]
[JsonSerializable(typeof(V6AgentList))]
[JsonSerializable(typeof(V6Agent))]
[JsonSerializable(typeof(V7AgentList))]
[JsonSerializable(typeof(V7Agent))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
