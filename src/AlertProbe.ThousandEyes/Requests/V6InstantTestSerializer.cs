using System.Globalization;
using System.Text.Json.Nodes;
using static AlertProbe.ThousandEyes.Requests.InstantTestFields;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>The v6 wire form: <c>POST /v6/instant/{type}</c>, integer ids, v6 enum spellings (TCP, TO_TARGET, inSession, Download), 0/1 flags.</summary>
internal sealed class V6InstantTestSerializer : InstantTestSerializer
{
    public override ThousandEyesApiVersion ApiVersion => ThousandEyesApiVersion.V6;

    public override string CreatePath(InstantTestType type) =>
        $"v6/instant/{type.V6Name ?? throw new ArgumentException($"{type.Name} has no v6 instant endpoint.", nameof(type))}";

    public override string RerunPath(string testId) => $"v6/instant/{Uri.EscapeDataString(testId)}/rerun";

    private protected override JsonNode IdNode(string id) => JsonValue.Create(long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture));

    private protected override JsonNode FlagNode(bool value) => JsonValue.Create(value ? 1 : 0);

    private protected override JsonNode DigitsNode(string digits) => JsonValue.Create(long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture));

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
}
