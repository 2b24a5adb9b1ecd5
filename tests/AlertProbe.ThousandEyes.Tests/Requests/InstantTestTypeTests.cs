using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;

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
}
