using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using static AlertProbe.ThousandEyes.Requests.InstantTestFields;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>The v6 wire form: <c>POST /v6/instant/{type}</c>, integer ids, upper-case enums, 0/1 booleans.</summary>
internal sealed class V6InstantTestSerializer : InstantTestSerializer
{
    public override ThousandEyesApiVersion ApiVersion => ThousandEyesApiVersion.V6;

    public override string CreatePath(InstantTestType type) =>
        $"v6/instant/{type.V6Name ?? throw new ArgumentException($"{type.Name} has no v6 instant endpoint.", nameof(type))}";

    public override string RerunPath(string testId) => $"v6/instant/{Uri.EscapeDataString(testId)}/rerun";

    private protected override JsonNode IdNode(string id) => JsonValue.Create(long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture));

    private protected override string EnumValue(string field, string lowerCaseValue) => V6EnumValue(field, lowerCaseValue);

    private protected override JsonNode DnsServerNode(string name) => new JsonObject { [ServerName] = name };

    private protected override void ConvertTypeSpecific(JsonObject body, InstantTestType type)
    {
        // v6 sip-server wants port and sipRegistrar at the top level as well as inside targetSipCredentials.
        if (type == InstantTestType.SipServer && body[TargetSipCredentials] is JsonObject sip)
        {
            body[Port] ??= sip[Port]?.DeepClone();
            body[SipRegistrar] ??= sip[SipRegistrar]?.DeepClone();
        }
    }

    // v6 takes booleans as 0/1 everywhere, nested objects included.
    private protected override void ConvertBooleans(JsonObject body) => ToZeroOne(body);

    private static void ToZeroOne(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (obj[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                    {
                        obj[name] = value.GetValueKind() == JsonValueKind.True ? 1 : 0;
                    }
                    else if (Booleans.Contains(name) && JsonFieldValues.TryGetBoolean(obj[name], out var flag))
                    {
                        obj[name] = flag ? 1 : 0;
                    }
                    else
                    {
                        ToZeroOne(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                    {
                        array[i] = value.GetValueKind() == JsonValueKind.True ? 1 : 0;
                    }
                    else
                    {
                        ToZeroOne(array[i]);
                    }
                }

                break;
        }
    }
}
