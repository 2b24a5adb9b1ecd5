using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Testing.Simulator;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;

namespace AlertProbe.ThousandEyes.Tests.Contract.Requests;

/// <summary>
/// The client's requests against the vendor's request schemas (instant-test-requests.json): the client knows exactly
/// the catalogue's fields, every body it can produce conforms, and the simulator accepts exactly the catalogue.
/// </summary>
public sealed class RequestContractTests
{
    public static TheoryData<ThousandEyesApiVersion, string> AllTypes() => RequestCatalogue.AllTypes();

    [Fact]
    public void The_catalogue_covers_the_twelve_instant_types_of_each_version()
    {
        Assert.Equal(
            (12, 12),
            (RequestCatalogue.Types(ThousandEyesApiVersion.V6).Count, RequestCatalogue.Types(ThousandEyesApiVersion.V7).Count));
        foreach (var version in new[] { ThousandEyesApiVersion.V6, ThousandEyesApiVersion.V7 })
        {
            Assert.Equal(
                InstantTestType.AvailableIn(version).Select(t => t.NameIn(version)!).Order(StringComparer.Ordinal),
                RequestCatalogue.Types(version).Select(t => t.Key).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void The_client_knows_exactly_the_catalogues_fields_with_the_same_wire_types(ThousandEyesApiVersion version, string typeName)
    {
        var catalogue = RequestCatalogue.FieldsOf(version, typeName);
        var client = InstantTestFieldCatalog.FieldsOf(version, typeName)!;
        var sent = catalogue.Where(f => f.Value!["ignored"] is null).Select(f => f.Key);
        var agentless = client.Keys.Where(k => k != "agents");

        Assert.Equal(sent.Where(k => k != "agents").Order(StringComparer.Ordinal), agentless.Order(StringComparer.Ordinal));
        var mismatches = client.SelectMany(f => Mismatches(version, f.Key, f.Value, catalogue[f.Key]!.AsObject())).ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_body_the_client_can_produce_uses_only_catalogue_fields_with_the_right_types_and_spellings(ThousandEyesApiVersion version, string typeName)
    {
        var wire = InstantTestSerializer.For(version).Serialize(FullestRequests.For(version, typeName));

        var departures = RequestCatalogue.Departures(RequestCatalogue.FieldsOf(version, typeName), wire.Body);

        Assert.True(departures.Count == 0, $"{RequestCatalogue.Name(version)} {typeName}:\n{string.Join("\n", departures)}\n{wire.Body.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void The_smallest_valid_body_carries_every_required_field(ThousandEyesApiVersion version, string typeName)
    {
        var wire = InstantTestSerializer.For(version).Serialize(InstantTestSamples.Request(InstantTestType.Parse(typeName)));

        Assert.Empty(RequestCatalogue.Departures(RequestCatalogue.FieldsOf(version, typeName), wire.Body));
    }

    [Fact]
    public void The_simulators_request_schemas_are_the_catalogues()
    {
        var simulator = RequestCatalog.Document["versions"]!;
        var catalogue = RequestCatalogue.Document["versions"]!;

        foreach (var version in new[] { "v6", "v7" })
        {
            foreach (var (type, entry) in catalogue[version]!["types"]!.AsObject())
            {
                Assert.True(
                    JsonNode.DeepEquals(entry!["fields"], simulator[version]?["types"]?[type]?["fields"]),
                    $"the simulator's {version} {type} fields differ from the catalogue's");
            }

            Assert.Equal(catalogue[version]!["types"]!.AsObject().Count, simulator[version]!["types"]!.AsObject().Count);
        }
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public async Task The_simulator_creates_the_fullest_body_the_client_sends(ThousandEyesApiVersion version, string typeName)
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        await using var host = ClientHost.Create(simulator.BaseAddress, version, simulator.Time);

        var created = await host.Client.CreateInstantTestAsync(FullestRequests.For(version, typeName), CancellationToken.None);

        Assert.True(created.IsSuccess, $"{RequestCatalogue.Name(version)} {typeName}: {created.Error?.Message}");
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public async Task The_simulator_refuses_a_field_the_catalogue_does_not_list_naming_it(ThousandEyesApiVersion version, string typeName)
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        using var http = simulator.CreateClient();
        var body = InstantTestSerializer.For(version).Serialize(InstantTestSamples.Request(InstantTestType.Parse(typeName))).Body;
        body["notAField"] = true;
        var path = InstantTestSerializer.For(version).CreatePath(InstantTestType.Parse(typeName));

        using var response = await http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // v6 answers {"errorMessage"} naming the field; v7 problem+json lists it in errors[].field.
        Assert.True(
            version == ThousandEyesApiVersion.V6
                ? ((string?)answer["errorMessage"])?.Contains("notAField", StringComparison.Ordinal) == true
                : answer["errors"]!.AsArray().Any(e => (string?)e!["field"] == "notAField"),
            answer.ToJsonString());
    }

    private static IEnumerable<string> Mismatches(ThousandEyesApiVersion version, string path, FieldSpec client, JsonObject vendor)
    {
        var type = (string)vendor["type"]!;
        var v6 = version == ThousandEyesApiVersion.V6;
        var expected = client.Kind switch
        {
            FieldKind.Text or FieldKind.Choice or FieldKind.DigitsChoice => "string",
            FieldKind.Integer => "integer",
            FieldKind.Flag => v6 ? "integer" : "boolean",
            FieldKind.AgentId => v6 ? "integer" : "string",
            FieldKind.List or FieldKind.DnsServers => "array",
            _ => "object",
        };
        if (expected != type)
        {
            yield return $"{path}: client writes {expected}, the schema has {type}";
            yield break;
        }

        var values = (vendor["enum"] as JsonArray)?.Select(v => v!.ToJsonString().Trim('"')).ToList();
        if (client.Kind is FieldKind.Choice or FieldKind.DigitsChoice or FieldKind.Integer && client.Values is { } own
            && values is not null && !own.Order(StringComparer.Ordinal).SequenceEqual(values.Order(StringComparer.Ordinal)))
        {
            yield return $"{path}: client values [{string.Join(", ", own)}], schema [{string.Join(", ", values)}]";
        }

        if (client.Kind is FieldKind.Choice && values is null)
        {
            yield return $"{path}: client has a value list the schema does not";
        }

        if (client.Kind == FieldKind.Integer && ((long?)vendor["min"] != client.Min || (long?)vendor["max"] != client.Max))
        {
            yield return $"{path}: client range {client.Min}..{client.Max}, schema {vendor["min"]}..{vendor["max"]}";
        }

        var nested = client.Kind == FieldKind.Object ? client.Fields : client.Kind == FieldKind.List ? client.Item?.Fields : null;
        var vendorNested = (client.Kind == FieldKind.Object ? vendor["fields"] : vendor["items"]?["fields"]) as JsonObject;
        if (nested is not null && vendorNested is not null)
        {
            if (!nested.Keys.Order(StringComparer.Ordinal).SequenceEqual(vendorNested.Select(f => f.Key).Order(StringComparer.Ordinal)))
            {
                yield return $"{path}: client members [{string.Join(", ", nested.Keys.Order(StringComparer.Ordinal))}], schema [{string.Join(", ", vendorNested.Select(f => f.Key).Order(StringComparer.Ordinal))}]";
            }

            foreach (var (name, spec) in nested)
            {
                if (vendorNested[name] is JsonObject member)
                {
                    foreach (var mismatch in Mismatches(version, $"{path}.{name}", spec, member))
                    {
                        yield return mismatch;
                    }
                }
            }
        }
    }
}
