using System.Text.Json.Nodes;
using static AlertProbe.ThousandEyes.Requests.InstantTestFields;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>The v7 wire form: <c>POST /v7/tests/{type}/instant</c>, string ids, lower-case enums, real booleans.</summary>
internal sealed class V7InstantTestSerializer : InstantTestSerializer
{
    public override ThousandEyesApiVersion ApiVersion => ThousandEyesApiVersion.V7;

    public override string CreatePath(InstantTestType type) =>
        $"v7/tests/{type.V7Name ?? throw new ArgumentException($"{type.Name} has no v7 instant endpoint.", nameof(type))}/instant";

    public override string RerunPath(string testId) => $"v7/tests/{Uri.EscapeDataString(testId)}/run";

    private protected override JsonNode IdNode(string id) => JsonValue.Create(id);

    private protected override JsonNode FlagNode(bool value) => JsonValue.Create(value);

    private protected override JsonNode DigitsNode(string digits) => JsonValue.Create(digits);

    private protected override JsonNode DnsServerNode(string name) => JsonValue.Create(name);

    // AgentToServerInstantTestRequest has no port: a port given on its own goes into server as "host:port".
    private protected override void ConvertTypeSpecific(JsonObject body, InstantTestType type)
    {
        if (type == InstantTestType.AgentToServer && body[Port] is { } portNode)
        {
            body.Remove(Port);
            if (JsonFieldValues.TryGetString(body[Server], out var server) && ServerAddress.TryParse(server, out var address)
                && address.Port is null && JsonFieldValues.TryGetInteger(portNode, out var port))
            {
                body[Server] = (address with { Port = (int)port }).Format();
            }
        }
    }
}
