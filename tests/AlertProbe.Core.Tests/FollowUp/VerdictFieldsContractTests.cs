using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp.Verdicts;
using AlertProbe.Core.Messages;
using AlertProbe.Testing.Contract;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.Tests.FollowUp;

/// <summary>
/// The verdict engine against the vendor's row fields (tests/AlertProbe.ThousandEyes.Tests/Contract/Results/
/// result-rows.json): every field it reads exists in its family's rows in that version, with a type it can read, and
/// rows holding every catalogued field make it read nothing it did not declare.
/// </summary>
public sealed class VerdictFieldsContractTests
{
    public static TheoryData<string, string, string> ReadFields()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (family, version, fields) in VerdictFields.All)
        {
            foreach (var field in fields.All)
            {
                data.Add(family.Name, Name(version), field);
            }
        }

        return data;
    }

    public static TheoryData<string, string> CataloguedFamilies()
    {
        var data = new TheoryData<string, string>();
        // Path visualisation is read by PathVisReader for localisation, not judged as rows.
        foreach (var (family, version) in ContractCatalogue.RowFamilies.Where(entry => entry.Family != "path-vis"))
        {
            data.Add(family, version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadFields))]
    public void Every_field_the_verdict_engine_reads_exists_in_its_familys_rows(string family, string version, string field)
    {
        var row = ContractCatalogue.Row(family, version);
        var fields = VerdictFields.For(TestResultFamily.Find(family)!, Version(version))!;

        Assert.True(row is not null, $"{version} {family} rows are not catalogued");
        Assert.True(row.Fields.TryGetValue(field, out var type), $"the engine reads '{field}', which {version} {family} rows do not have ({row.Source})");
        var expected = field == fields.Link ? (version == "v7" ? "object" : "string") : fields.Texts.Contains(field) ? "string" : "number";
        Assert.True(expected == "number" ? type is "integer" or "number" or "boolean" or "flag" : type == expected,
            $"the engine reads '{field}' as {expected}, the source types it {type}");
    }

    public static TheoryData<string, string, string> PathFields()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (shape, version, fields) in PathVisFields.All)
        {
            foreach (var field in fields)
            {
                data.Add(shape, Name(version), field);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PathFields))]
    public void Every_path_visualisation_field_localisation_reads_exists_in_the_vendors_shape(string shape, string version, string field)
    {
        var catalogued = shape == "path-vis" ? ContractCatalogue.Row(shape, version) : ContractCatalogue.Nested(shape, version);

        Assert.True(catalogued is not null, $"{version} {shape} is not catalogued");
        Assert.True(catalogued.Fields.ContainsKey(field), $"localisation reads '{field}', which {version} {shape} does not have ({catalogued.Source})");
    }

    // The app link is read as _links.appLink.href (v7): each step exists in the catalogued shapes.
    [Fact]
    public void The_v7_app_link_path_exists_in_the_vendors_shapes()
    {
        Assert.Equal(
            ("object", "object", "string"),
            (ContractCatalogue.Row("http-server", "v7")!.Fields["_links"], ContractCatalogue.Nested("links", "v7")!.Fields["appLink"], ContractCatalogue.Nested("link", "v7")!.Fields["href"]));
    }

    [Theory]
    [MemberData(nameof(CataloguedFamilies))]
    public void Rows_holding_every_catalogued_field_make_the_engine_read_only_declared_fields(string family, string version)
    {
        var shape = ContractCatalogue.Row(family, version)!;
        var engine = new VerdictEngine(new VerdictThresholds());

        // Low values take the failure branches (loss 0, completion 0, availability 0, isValid false), high ones the rest.
        foreach (var low in new[] { true, false })
        {
            var row = new JsonObject();
            foreach (var (field, type) in shape.Fields)
            {
                row[field] = Sample(type, low);
            }

            var results = new FamilyResults(TestResultFamily.Find(family)!, [ThousandEyesModelFactory.TestResultRow(row, agentId: "1", roundId: 1)], Version(version));
            var verdict = engine.Evaluate([results], [new TestAgentRef { AgentId = "1" }]);

            Assert.NotEqual(TestVerdict.Inconclusive, verdict.Verdict);
        }
    }

    private static JsonNode? Sample(string type, bool low) => type switch
    {
        "string" => low ? "error" : "None",
        "integer" or "flag" => low ? 0 : 1,
        "number" => low ? 0.0 : 100.0,
        "boolean" => !low,
        "object" => new JsonObject(),
        _ => new JsonArray(),
    };

    private static ThousandEyesApiVersion Version(string name) => name == "v6" ? ThousandEyesApiVersion.V6 : ThousandEyesApiVersion.V7;

    private static string Name(ThousandEyesApiVersion version) => version == ThousandEyesApiVersion.V6 ? "v6" : "v7";
}
