using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;

namespace AlertProbe.ThousandEyes.Tests.Contract.Requests;

/// <summary>
/// For each type and version, a request that sets every field the client can send, each value given the way a rule
/// template renders it (numbers and flags as text, enum values in another version's spelling), so a contract test sees
/// every body shape the client can produce.
/// </summary>
internal static class FullestRequests
{
    public static InstantTestRequest For(ThousandEyesApiVersion version, string typeName)
    {
        var type = InstantTestType.Parse(typeName);
        var fields = new JsonObject();
        foreach (var (name, spec) in InstantTestFieldCatalog.FieldsOf(version, typeName)!)
        {
            fields[name] = Sample(spec, name, type);
        }

        // v7 agent-to-server: the port is given apart, as rules do; the serialiser puts it into server.
        if (version == ThousandEyesApiVersion.V7 && type == InstantTestType.AgentToServer)
        {
            fields["port"] = "8443";
        }

        return new InstantTestRequest { Type = type, Agents = [new InstantTestAgent(InstantTestSamples.SourceAgent)], Fields = fields, TestName = $"contract {version} {typeName}" };
    }

    private static JsonNode? Sample(FieldSpec spec, string name, InstantTestType type) => (spec.Kind, name) switch
    {
        (FieldKind.Text, "url") => type == InstantTestType.FtpServer ? "ftp://ftp.example.com/pub/file.bin" : "https://www.example.com/",
        (FieldKind.Text, "server") => "www.example.com",
        (FieldKind.Text, "domain") => "www.example.com A",
        (FieldKind.Text, "sipRegistrar") => "sip.example.com",
        (FieldKind.Text, "testUrl" or "tokenUrl") => "https://auth.example.com/token",
        (FieldKind.Text, _) => "sample",
        (FieldKind.Integer, _) => (spec.Values?[0] ?? (spec.Min ?? 1).ToString(CultureInfo.InvariantCulture)),
        (FieldKind.Flag, _) => "true",
        // The last value (in-session, bidirectional, ...) in another spelling; protocol keeps tcp so a port stays allowed.
        (FieldKind.Choice, "protocol") => spec.Values![0].ToLowerInvariant(),
        (FieldKind.Choice, _) => spec.Values![^1].ToUpperInvariant().Replace('-', '_'),
        (FieldKind.DigitsChoice, _) => JsonValue.Create(long.Parse(spec.Values![^1], CultureInfo.InvariantCulture)),
        (FieldKind.AgentId, _) => InstantTestSamples.TargetAgent,
        (FieldKind.Map, _) => new JsonObject { ["X-Probe"] = "1" },
        (FieldKind.DnsServers, _) => new JsonArray("ns1.example.net", new JsonObject { ["serverName"] = "ns2.example.net" }),
        (FieldKind.List, _) => new JsonArray(Sample(spec.Item!, name, type)),
        (FieldKind.Object, _) => new JsonObject([.. spec.Fields!.Select(f => KeyValuePair.Create(f.Key, Sample(f.Value, f.Key, type)))]),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "no sample for this kind"),
    };
}
