using System.Text.Json.Nodes;

namespace AlertProbe.Simulator.Tests.Support;

/// <summary>Valid create bodies per version and type, and the fields each one requires.</summary>
internal static class Samples
{
    public static readonly string[] V6Types =
    [
        "agent-to-server", "agent-to-agent", "http-server", "page-load", "transactions", "web-transactions",
        "ftp-server", "dns-trace", "dns-server", "dns-dnssec", "sip-server", "voice",
    ];

    public static readonly string[] V7Types =
    [
        "agent-to-server", "agent-to-agent", "http-server", "page-load", "web-transactions", "api",
        "ftp-server", "dns-trace", "dns-server", "dnssec", "sip-server", "voice",
    ];

    public static TheoryData<string, string> AllTypes()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in V6Types) data.Add("v6", type);
        foreach (var type in V7Types) data.Add("v7", type);
        return data;
    }

    /// <summary>Every (version, type, required field) of the reference's table.</summary>
    public static TheoryData<string, string, string> RequiredFields()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (version, types) in new[] { ("v6", V6Types), ("v7", V7Types) })
        {
            foreach (var type in types)
            {
                data.Add(version, type, "agents");
                foreach (var field in Required(version, type))
                {
                    data.Add(version, type, field);
                }
            }
        }

        return data;
    }

    public static string CreatePath(string version, string type) =>
        version == "v6" ? $"v6/instant/{type}" : $"v7/tests/{type}/instant";

    public static JsonObject Body(string version, string type, string target = "www.example.com", string agentId = "113")
    {
        var v6 = version == "v6";
        JsonNode Id(string id) => v6 ? JsonValue.Create(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(id);
        var body = new JsonObject { ["agents"] = new JsonArray(new JsonObject { ["agentId"] = Id(agentId) }) };
        var url = $"https://{target}/";
        switch (type)
        {
            case "agent-to-server": body["server"] = $"{target}:443"; break;
            case "agent-to-agent" or "voice": body["targetAgentId"] = Id("202"); break;
            case "http-server": body["url"] = url; break;
            case "page-load":
                body["url"] = url;
                if (v6) body["httpInterval"] = 120;
                break;
            case "transactions" or "web-transactions":
                body["url"] = url;
                body["transactionScript"] = "import { driver } from 'thousandeyes'; runScript(); async function runScript() { await driver.get('" + url + "'); }";
                break;
            case "api":
                body["url"] = url;
                body["requests"] = new JsonArray(new JsonObject { ["name"] = "health", ["url"] = url + "health", ["method"] = "get" });
                break;
            case "ftp-server":
                body["url"] = $"ftp://{target}/pub/file.bin";
                body["username"] = "probe";
                body["password"] = "not-a-real-password";
                body["requestType"] = v6 ? "Download" : "download";
                break;
            case "dns-server":
                body["domain"] = $"{target} A";
                body["dnsServers"] = v6 ? new JsonArray(new JsonObject { ["serverName"] = "ns1.example.net" }) : new JsonArray("ns1.example.net");
                break;
            case "dns-trace" or "dns-dnssec" or "dnssec": body["domain"] = $"{target} A"; break;
            case "sip-server":
                body["targetSipCredentials"] = new JsonObject { ["port"] = 5060, ["sipRegistrar"] = $"sip.{target}", ["protocol"] = v6 ? "TCP" : "tcp" };
                break;
        }

        return body;
    }

    /// <summary>The type-specific required fields, as the reference lists them (nested ones as "parent.child").</summary>
    public static string[] Required(string version, string type) => (version, type) switch
    {
        (_, "agent-to-server") => ["server"],
        (_, "agent-to-agent" or "voice") => ["targetAgentId"],
        (_, "http-server") => ["url"],
        ("v6", "page-load") => ["url", "httpInterval"],
        ("v7", "page-load") => ["url"],
        (_, "transactions" or "web-transactions") => ["url", "transactionScript"],
        (_, "api") => ["url", "requests"],
        (_, "ftp-server") => ["url", "username", "password", "requestType"],
        (_, "dns-server") => ["domain", "dnsServers"],
        (_, "dns-trace" or "dns-dnssec" or "dnssec") => ["domain"],
        ("v6", "sip-server") => ["targetSipCredentials", "targetSipCredentials.port", "targetSipCredentials.sipRegistrar"],
        ("v7", "sip-server") => ["targetSipCredentials", "targetSipCredentials.port"],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no sample"),
    };

    /// <summary>The primary data link each type's create response must offer.</summary>
    public static string PrimaryDataPath(string version, string type, string testId) => version == "v6"
        ? type switch
        {
            "agent-to-server" or "agent-to-agent" => $"/v6/net/metrics/{testId}",
            "http-server" => $"/v6/web/http-server/{testId}",
            "page-load" => $"/v6/web/page-load/{testId}",
            "transactions" => $"/v6/web/transactions/{testId}",
            "web-transactions" => $"/v6/web/web-transactions/{testId}",
            "ftp-server" => $"/v6/web/ftp-server/{testId}",
            "dns-trace" => $"/v6/dns/trace/{testId}",
            "dns-server" => $"/v6/dns/server/{testId}",
            "dns-dnssec" => $"/v6/dns/dnssec/{testId}",
            "sip-server" => $"/v6/voice/sip-server/{testId}",
            "voice" => $"/v6/voice/rtp-stream/{testId}",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        }
        : type switch
        {
            "agent-to-server" or "agent-to-agent" => $"/v7/test-results/{testId}/network",
            "voice" => $"/v7/test-results/{testId}/rtp-server",
            _ => $"/v7/test-results/{testId}/{type}",
        };
}
