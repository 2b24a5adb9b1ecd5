using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.ThousandEyes.Tests.Infrastructure;

/// <summary>A valid version-neutral request per instant test type, and the fields each type requires.</summary>
internal static class InstantTestSamples
{
    /// <summary>Simulator cloud agents.</summary>
    public const string SourceAgent = "113";
    public const string TargetAgent = "114";

    public static JsonObject ValidFields(InstantTestType type) => type.Name switch
    {
        "agent-to-agent" or "voice" => new() { ["targetAgentId"] = TargetAgent },
        "agent-to-server" => new() { ["server"] = "example.com", ["protocol"] = "tcp", ["port"] = 443 },
        "http-server" => new() { ["url"] = "https://example.com/health" },
        "page-load" => new() { ["url"] = "https://example.com/", ["httpInterval"] = 60 },
        "transactions" or "web-transactions" => new() { ["url"] = "https://example.com/", ["transactionScript"] = "await driver.get('https://example.com/');" },
        "api" => new()
        {
            ["url"] = "https://api.example.com/",
            ["requests"] = new JsonArray(new JsonObject { ["name"] = "status", ["url"] = "https://api.example.com/status", ["method"] = "get" }),
        },
        "ftp-server" => new() { ["url"] = "ftp://ftp.example.com/file.bin", ["username"] = "probe", ["password"] = "ftp-password", ["requestType"] = "download" },
        "dns-trace" => new() { ["domain"] = "example.com A" },
        "dns-server" => new() { ["domain"] = "example.com A", ["dnsServers"] = new JsonArray("ns1.example.com") },
        "dnssec" => new() { ["domain"] = "example.com" },
        "sip-server" => new() { ["targetSipCredentials"] = new JsonObject { ["sipRegistrar"] = "sip.example.com", ["port"] = 5060, ["protocol"] = "tcp" } },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "no sample"),
    };

    /// <summary>Required fields as validation names them (nested ones dotted).</summary>
    public static IReadOnlyList<string> RequiredFields(InstantTestType type, ThousandEyesApiVersion version) => type.Name switch
    {
        "agent-to-agent" or "voice" => ["targetAgentId"],
        "agent-to-server" => ["server"],
        "http-server" => ["url"],
        "page-load" => version == ThousandEyesApiVersion.V6 ? ["url", "httpInterval"] : ["url"],
        "transactions" or "web-transactions" => ["url", "transactionScript"],
        "api" => ["url", "requests"],
        "ftp-server" => ["url", "username", "password", "requestType"],
        "dns-server" => ["domain", "dnsServers"],
        "dns-trace" or "dnssec" => ["domain"],
        "sip-server" => ["targetSipCredentials", "targetSipCredentials.port", "targetSipCredentials.sipRegistrar"],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "no sample"),
    };

    public static InstantTestRequest Request(InstantTestType type, JsonObject? fields = null, string? testName = null) =>
        new() { Type = type, Agents = [new InstantTestAgent(SourceAgent)], Fields = fields ?? ValidFields(type), TestName = testName };

    /// <summary>The fields with <paramref name="field"/> ("a" or "a.b") removed.</summary>
    public static JsonObject Without(JsonObject fields, string field)
    {
        var copy = fields.DeepClone().AsObject();
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            copy.Remove(field);
        }
        else
        {
            copy[field[..dot]]!.AsObject().Remove(field[(dot + 1)..]);
        }

        return copy;
    }

    public static TheoryData<string, ThousandEyesApiVersion> TypesOfBothVersions()
    {
        var data = new TheoryData<string, ThousandEyesApiVersion>();
        foreach (var version in new[] { ThousandEyesApiVersion.V6, ThousandEyesApiVersion.V7 })
        {
            foreach (var type in InstantTestType.AvailableIn(version))
            {
                data.Add(type.NameIn(version)!, version);
            }
        }

        return data;
    }

    public static TheoryData<string, ThousandEyesApiVersion, string> RequiredFieldsOfBothVersions()
    {
        var data = new TheoryData<string, ThousandEyesApiVersion, string>();
        foreach (var version in new[] { ThousandEyesApiVersion.V6, ThousandEyesApiVersion.V7 })
        {
            foreach (var type in InstantTestType.AvailableIn(version))
            {
                foreach (var field in RequiredFields(type, version))
                {
                    data.Add(type.NameIn(version)!, version, field);
                }
            }
        }

        return data;
    }
}
