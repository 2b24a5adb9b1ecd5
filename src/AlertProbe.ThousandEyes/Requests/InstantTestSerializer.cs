using System.Globalization;
using System.Text.Json.Nodes;
using static AlertProbe.ThousandEyes.Requests.InstantTestFields;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// Produces the exact wire form of an <see cref="InstantTestRequest"/> for one API version, field by field as
/// <see cref="InstantTestFieldCatalog"/> describes it: v6 integer ids, upper-case enums (and inSession, Download),
/// 0/1 flags, integer dscpId/codecId/sslVersionId and <c>dnsServers:[{"serverName":…}]</c>; v7 string ids,
/// lower-case hyphenated enums, real booleans, digit-string dscpId/codecId/sslVersionId and plain server names.
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

        var specs = InstantTestFieldCatalog.FieldsOf(ApiVersion, request.Type.NameIn(ApiVersion)!)!;
        var body = new JsonObject();
        foreach (var (name, value) in request.Fields)
        {
            if (InstantTestRequestValidator.IsDropped(request.Type, ApiVersion, name) || value is null)
            {
                continue;
            }

            body[name] = specs.TryGetValue(name, out var spec) ? Convert(spec, value) : value.DeepClone();
        }

        if (request.TestName is not null)
        {
            body[TestName] = request.TestName;
        }

        body[AgentsField] = new JsonArray([.. request.Agents.Select(AgentNode)]);
        ConvertTypeSpecific(body, request.Type);
        return new InstantTestWireRequest(ApiVersion, CreatePath(request.Type), body, validation.DroppedFields);
    }

    private protected abstract JsonNode IdNode(string id);

    private protected abstract JsonNode FlagNode(bool value);

    /// <summary>A DigitsChoice value ("46"): v6 writes the number, v7 the string.</summary>
    private protected abstract JsonNode DigitsNode(string digits);

    private protected abstract JsonNode DnsServerNode(string name);

    private protected virtual void ConvertTypeSpecific(JsonObject body, InstantTestType type)
    {
    }

    private JsonNode? Convert(FieldSpec spec, JsonNode value) => spec.Kind switch
    {
        FieldKind.Text => JsonValue.Create(FieldValues.Text(value)),
        FieldKind.Integer => JsonFieldValues.TryGetInteger(value, out var number) ? JsonValue.Create(number) : value.DeepClone(),
        FieldKind.Flag => JsonFieldValues.TryGetBoolean(value, out var flag) ? FlagNode(flag) : value.DeepClone(),
        FieldKind.Choice => JsonValue.Create(FieldValues.Choose(spec, value)),
        FieldKind.DigitsChoice => DigitsNode(FieldValues.Choose(spec, value)!),
        FieldKind.AgentId => IdNode(JsonFieldValues.TryGetInteger(value, out var id) ? id.ToString(CultureInfo.InvariantCulture) : FieldValues.Text(value)!.Trim()),
        FieldKind.List => new JsonArray([.. value.AsArray().Select(item => item is null ? null : Convert(spec.Item!, item))]),
        FieldKind.Object => ConvertObject(spec, value.AsObject()),
        FieldKind.DnsServers => new JsonArray([.. value.AsArray().Select(s => DnsServerNode(FieldValues.DnsServerName(s)!))]),
        _ => value.DeepClone(),
    };

    private JsonObject ConvertObject(FieldSpec spec, JsonObject value)
    {
        var converted = new JsonObject();
        foreach (var (name, member) in value)
        {
            if (member is not null)
            {
                converted[name] = Convert(spec.Fields![name], member);
            }
        }

        return converted;
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
}
