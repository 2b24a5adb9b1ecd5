using AlertProbe.Core.Planning;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.Core.Tests.Planning;

public class InstantTestTargetsTests
{
    public static TheoryData<string> CatalogueTypes => [.. InstantTestType.All.Select(type => type.Name)];

    [Theory]
    [MemberData(nameof(CatalogueTypes))]
    public void Every_type_of_the_catalogue_has_a_target_kind(string name)
    {
        Assert.NotNull(InstantTestType.Parse(name).TargetKind);
    }

    [Theory]
    [InlineData("http-server", TestTargetKind.Url)]
    [InlineData("ftp-server", TestTargetKind.Url)]
    [InlineData("transactions", TestTargetKind.Url)]
    [InlineData("agent-to-server", TestTargetKind.Server)]
    [InlineData("dns-dnssec", TestTargetKind.Domain)]
    [InlineData("dns-server", TestTargetKind.Domain)]
    [InlineData("voice", TestTargetKind.Agent)]
    [InlineData("agent-to-agent", TestTargetKind.Agent)]
    [InlineData("sip-server", TestTargetKind.SipRegistrar)]
    public void A_type_targets_what_its_target_field_holds(string name, TestTargetKind expected)
    {
        Assert.Equal(expected, InstantTestType.Parse(name).TargetKind);
    }

    [Fact]
    public void A_name_outside_the_catalogue_has_no_target_kind()
    {
        Assert.Null(InstantTestType.Parse("bgp").TargetKind);
    }
}
