using System.Globalization;
using System.Text.Json.Nodes;
using static AlertProbe.ThousandEyes.Requests.InstantTestFields;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// Produces the exact wire form of an <see cref="InstantTestRequest"/> for one API version: v6 integer ids,
/// upper-case enums, 0/1 booleans and <c>dnsServers:[{"serverName":…}]</c>; v7 string ids, lower-case enums,
/// real booleans and plain server-name strings.
/// </summary>
public abstract class InstantTestSerializer
{
    private protected InstantTestSerializer()
    {
    }

    public static InstantTestSerializer V6 { get; } = new V6InstantTestSerializer();

    public static InstantTestSerializer V7 { get; } = new V7InstantTestSerializer();

    public abstract ThousandEyesApiVersion ApiVersion { get; }

    public static InstantTestSerializer For(ThousandEyesApiVersion version) =>
        version == ThousandEyesApiVersion.V6 ? V6 : V7;

    /// <summary>The create path relative to the base URL.</summary>
    public abstract string CreatePath(InstantTestType type);

    /// <summary>The rerun path relative to the base URL.</summary>
    public abstract string RerunPath(string testId);

    /// <summary>Validates, then converts. Throws <see cref="ArgumentException"/> for an invalid request (validate first).</summary>
    public InstantTestWireRequest Serialize(InstantTestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = InstantTestRequestValidator.Validate(request, ApiVersion);
        if (!validation.IsValid)
        {
            throw new ArgumentException(
                $"The instant test request is not valid for API {InstantTestRequestValidator.VersionName(ApiVersion)}: {string.Join("; ", validation.Problems)}",
                nameof(request));
        }

        var body = new JsonObject();
        foreach (var (name, value) in request.Fields)
        {
            if (!IgnoredByInstantApi.Contains(name))
            {
                body[name] = value?.DeepClone();
            }
        }

        if (request.TestName is not null)
        {
            body[TestName] = request.TestName;
        }

        body[AgentsField] = new JsonArray([.. request.Agents.Select(AgentNode)]);
        ConvertFields(body, request.Type);
        return new InstantTestWireRequest(ApiVersion, CreatePath(request.Type), body, validation.DroppedFields);
    }

    /// <summary>How v6 spells an enum value given lower-case (TCP, SACK, Download).</summary>
    internal static string V6EnumValue(string field, string lowerCaseValue) =>
        field == RequestType
            ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(lowerCaseValue)
            : lowerCaseValue.ToUpperInvariant();

    /// <summary>The server name of a dnsServers entry given as a string or as {"serverName": …}; null when neither.</summary>
    internal static string? DnsServerName(JsonNode? entry)
    {
        if (JsonFieldValues.TryGetString(entry, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            return name.Trim();
        }

        return entry is JsonObject obj && JsonFieldValues.TryGetString(obj[ServerName], out var serverName) && !string.IsNullOrWhiteSpace(serverName)
            ? serverName.Trim()
            : null;
    }

    private protected abstract JsonNode IdNode(string id);

    private protected abstract string EnumValue(string field, string lowerCaseValue);

    private protected abstract JsonNode DnsServerNode(string name);

    private protected abstract void ConvertBooleans(JsonObject body);

    private protected virtual void ConvertTypeSpecific(JsonObject body, InstantTestType type)
    {
    }

    private JsonObject AgentNode(InstantTestAgent agent)
    {
        var node = new JsonObject { [AgentId] = IdNode(agent.AgentId.Trim()) };
        if (!string.IsNullOrWhiteSpace(agent.SourceIpAddress))
        {
            node[SourceIpAddress] = agent.SourceIpAddress.Trim();
        }

        return node;
    }

    private void ConvertFields(JsonObject body, InstantTestType type)
    {
        if (body[TargetAgentId] is { } target && JsonFieldValues.TryGetInteger(target, out _) | JsonFieldValues.TryGetString(target, out _))
        {
            body[TargetAgentId] = IdNode(JsonFieldValues.TryGetInteger(target, out var id)
                ? id.ToString(CultureInfo.InvariantCulture)
                : target.GetValue<string>().Trim());
        }

        NormaliseEnum(body, Protocol);
        NormaliseEnum(body, ProbeMode);
        NormaliseEnum(body, RequestType);
        NormaliseInteger(body, Port);
        NormaliseInteger(body, NumPathTraces);
        NormaliseInteger(body, HttpInterval);

        if (body[TargetSipCredentials] is JsonObject sip)
        {
            NormaliseEnum(sip, Protocol);
            NormaliseInteger(sip, Port);
        }

        if (body[DnsServers] is JsonArray servers)
        {
            body[DnsServers] = new JsonArray([.. servers.Select(s => DnsServerNode(DnsServerName(s)!))]);
        }

        ConvertTypeSpecific(body, type);
        ConvertBooleans(body);
    }

    private void NormaliseEnum(JsonObject obj, string field)
    {
        if (JsonFieldValues.TryGetString(obj[field], out var text))
        {
            obj[field] = EnumValue(field, text.Trim().ToLowerInvariant());
        }
    }

    private static void NormaliseInteger(JsonObject obj, string field)
    {
        if (obj[field] is { } node && JsonFieldValues.TryGetInteger(node, out var number))
        {
            obj[field] = number;
        }
    }
}
