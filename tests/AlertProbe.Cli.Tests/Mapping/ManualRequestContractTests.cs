using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Testing;

namespace AlertProbe.Cli.Tests.Mapping;

/// <summary>
/// `alertprobe map` of a manual request (samples/manual/*.json) for each of the twelve v7 instant types: exit 0 and a
/// body on the vendor's spec, checked against the request catalogue (tests/AlertProbe.ThousandEyes.Tests/Contract/
/// Requests/instant-test-requests.json, transcribed from Instant Tests API 7.0.100).
/// </summary>
public sealed class ManualRequestContractTests
{
    public static TheoryData<string> V7Types() =>
    [
        "agent-to-agent", "agent-to-server", "http-server", "page-load", "web-transactions", "api",
        "ftp-server", "dns-server", "dns-trace", "dnssec", "sip-server", "voice",
    ];

    [Theory]
    [MemberData(nameof(V7Types))]
    public async Task Mapping_a_manual_request_of_every_v7_type_exits_0_with_an_on_spec_body(string type)
    {
        var result = await CliInvocation.RunAsync("map", $"samples/manual/{type}.json", "--json");

        Assert.True(result.ExitCode == 0, $"map exited {result.ExitCode}: {result.Out}{result.Error}");
        var plan = Assert.Single(JsonNode.Parse(result.Out)!["plans"]!.AsArray())!;
        Assert.Equal($"/v7/tests/{type}/instant", (string?)plan["path"]);
        var departures = new List<string>();
        Check(Schema(type), plan["body"]!.AsObject(), string.Empty, departures);
        Assert.True(departures.Count == 0, string.Join("\n", departures));
    }

    private static JsonObject Schema(string type) =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("tests", "AlertProbe.ThousandEyes.Tests", "Contract", "Requests", "instant-test-requests.json")))!
            ["versions"]!["v7"]!["types"]![type]!["fields"]!.AsObject();

    private static void Check(JsonObject fields, JsonObject body, string prefix, List<string> departures)
    {
        foreach (var (name, value) in body)
        {
            if (fields[name] is not JsonObject spec)
            {
                departures.Add($"{prefix}{name}: not in the schema");
                continue;
            }

            var type = (string)spec["type"]!;
            var actual = value!.GetValueKind() switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => "integer",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                JsonValueKind.Array => "array",
                _ => "object",
            };
            if (actual != type)
            {
                departures.Add($"{prefix}{name}: {actual} where the schema has {type}");
            }
            else if (spec["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
            {
                departures.Add($"{prefix}{name}: {value.ToJsonString()} is not one of {values.ToJsonString()}");
            }
            else if (type == "integer" && long.Parse(value.ToJsonString(), CultureInfo.InvariantCulture) is var n
                     && ((spec["min"] is { } min && n < (long)min) || (spec["max"] is { } max && n > (long)max)))
            {
                departures.Add($"{prefix}{name}: {n} is out of range");
            }
            else if (type == "object" && spec["fields"] is JsonObject members)
            {
                Check(members, value.AsObject(), $"{prefix}{name}.", departures);
            }
            else if (type == "array" && spec["items"]?["fields"] is JsonObject itemFields)
            {
                foreach (var item in value.AsArray())
                {
                    Check(itemFields, item!.AsObject(), $"{prefix}{name}[].", departures);
                }
            }
        }

        foreach (var (name, spec) in fields)
        {
            if (spec!["required"] is not null && body[name] is null)
            {
                departures.Add($"{prefix}{name}: required but absent");
            }
        }
    }
}
