using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;

namespace AlertProbe.ThousandEyes.Tests.Requests;

public sealed class InstantTestTypeTests
{
    [Theory]
    [InlineData("dns-dnssec")]
    [InlineData("dnssec")]
    [InlineData(" DNSSEC ")]
    public void Both_version_names_of_dnssec_parse_to_one_type(string name) =>
        Assert.Same(InstantTestType.Dnssec, InstantTestType.Parse(name));

    [Fact]
    public void Dnssec_has_a_different_path_segment_per_version()
    {
        Assert.Equal("dns-dnssec", InstantTestType.Dnssec.NameIn(ThousandEyesApiVersion.V6));
        Assert.Equal("dnssec", InstantTestType.Dnssec.NameIn(ThousandEyesApiVersion.V7));
    }

    [Fact]
    public void Transactions_exists_only_in_v6_and_api_only_in_v7()
    {
        Assert.Equal(
            [false, true, true, false],
            [
                InstantTestType.Transactions.IsAvailableIn(ThousandEyesApiVersion.V7), InstantTestType.Transactions.IsAvailableIn(ThousandEyesApiVersion.V6),
                InstantTestType.Api.IsAvailableIn(ThousandEyesApiVersion.V7), InstantTestType.Api.IsAvailableIn(ThousandEyesApiVersion.V6),
            ]);
    }

    [Fact]
    public void Each_version_offers_twelve_instant_test_types()
    {
        Assert.Equal(12, InstantTestType.AvailableIn(ThousandEyesApiVersion.V6).Count);
        Assert.Equal(12, InstantTestType.AvailableIn(ThousandEyesApiVersion.V7).Count);
    }

    [Fact]
    public void An_unknown_name_parses_to_an_unknown_type_that_keeps_its_name()
    {
        var type = InstantTestType.Parse("BGP");
        Assert.False(type.IsKnown);
        Assert.Equal("bgp", type.Name);
    }

    public static TheoryData<string, ThousandEyesApiVersion> Types => InstantTestSamples.TypesOfBothVersions();

    [Theory]
    [MemberData(nameof(Types))]
    public void Required_fields_are_the_top_level_fields_validation_requires(string typeName, ThousandEyesApiVersion version)
    {
        var type = InstantTestType.Parse(typeName);

        Assert.Equal(InstantTestSamples.RequiredFields(type, version).Where(field => !field.Contains('.', StringComparison.Ordinal)), type.RequiredFieldsIn(version));
    }

    [Fact]
    public void Page_load_requires_http_interval_only_in_v6()
    {
        Assert.Equal(
            ("url,httpInterval", "url"),
            (string.Join(',', InstantTestType.PageLoad.RequiredFieldsIn(ThousandEyesApiVersion.V6)), string.Join(',', InstantTestType.PageLoad.RequiredFieldsIn(ThousandEyesApiVersion.V7))));
    }

    [Fact]
    public void A_type_requires_nothing_in_a_version_that_does_not_offer_it()
    {
        Assert.Empty(InstantTestType.Transactions.RequiredFieldsIn(ThousandEyesApiVersion.V7));
    }

    [Fact]
    public void A_known_type_has_no_unknown_reason()
    {
        Assert.All(InstantTestType.All, type => Assert.Null(type.UnknownReason));
    }

    [Fact]
    public void Bgp_is_refused_as_a_scheduled_only_test()
    {
        Assert.Equal("'bgp' is not supported for instant tests (ThousandEyes offers BGP only as a scheduled test)", InstantTestType.Parse(" BGP ").UnknownReason);
    }

    [Fact]
    public void An_unknown_name_is_refused_listing_every_known_name_and_the_v6_spellings()
    {
        Assert.Equal(
            "'ping' is not an instant test type (supported: agent-to-agent, agent-to-server, http-server, page-load, transactions, web-transactions, api, ftp-server, dns-trace, dns-server, dnssec, sip-server, voice; v6 spellings accepted too: dns-dnssec)",
            InstantTestType.Parse("Ping").UnknownReason);
    }

    [Fact]
    public void Every_ignored_field_is_dropped_by_validation()
    {
        var fields = InstantTestSamples.ValidFields(InstantTestType.HttpServer);
        foreach (var field in InstantTestType.IgnoredFields)
        {
            fields[field] = 1;
        }

        var validation = InstantTestRequestValidator.Validate(InstantTestSamples.Request(InstantTestType.HttpServer, fields), ThousandEyesApiVersion.V7);

        Assert.Equal(InstantTestType.IgnoredFields.Order(StringComparer.Ordinal), validation.DroppedFields.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("agent-to-server", "port")]
    [InlineData("agent-to-server", "numPathTraces")]
    [InlineData("page-load", "httpInterval")]
    public void A_field_validation_requires_to_be_a_whole_number_is_an_integer_field(string typeName, string field)
    {
        var type = InstantTestType.Parse(typeName);
        var fields = InstantTestSamples.ValidFields(type);
        fields[field] = JsonValue.Create(4.5);
        var refused = InstantTestRequestValidator.Validate(InstantTestSamples.Request(type, fields), ThousandEyesApiVersion.V6).Problems.Select(p => p.Field);

        Assert.Equal((true, true), (refused.Contains(field), InstantTestType.IntegerFields.Contains(field)));
    }
}
