using System.Security.Cryptography;
using System.Text;
using AlertProbe.Core.Ingress.Signatures;

namespace AlertProbe.Core.Tests.Ingress.Signatures;

public sealed class PagerDutySignatureVerifierTests
{
    private const string Secret = "pd-subscription-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":{"id":"01ABC","event_type":"incident.triggered"}}""");
    private static readonly PagerDutySignatureVerifier Verifier = new();

    internal static string Sign(string secret, byte[] body)
        => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public void Single_matching_signature_is_valid()
    {
        Assert.Equal(SignatureStatus.Valid, Verifier.Verify(Body, Sign(Secret, Body), Secret));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void During_rotation_one_matching_signature_among_several_is_valid(bool matchingFirst)
    {
        var good = Sign(Secret, Body);
        var old = Sign("old-secret", Body);
        var header = matchingFirst ? $"{good},{old}" : $"{old}, {good}";

        Assert.Equal(SignatureStatus.Valid, Verifier.Verify(Body, header, Secret));
    }

    [Fact]
    public void Entries_of_other_versions_are_ignored()
    {
        var header = "v2=" + new string('0', 64) + "," + Sign(Secret, Body);

        Assert.Equal(SignatureStatus.Valid, Verifier.Verify(Body, header, Secret));
    }

    [Fact]
    public void Several_signatures_none_matching_is_a_mismatch()
    {
        var header = $"{Sign("old-secret", Body)},{Sign("other-secret", Body)}";

        Assert.Equal(SignatureStatus.Mismatch, Verifier.Verify(Body, header, Secret));
    }

    [Fact]
    public void A_changed_body_is_a_mismatch()
    {
        var signature = Sign(Secret, Body);

        Assert.Equal(SignatureStatus.Mismatch, Verifier.Verify("""{"event":{}}"""u8, signature, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Absent_header_is_missing(string? header)
    {
        Assert.Equal(SignatureStatus.Missing, Verifier.Verify(Body, header, Secret));
    }

    [Theory]
    [InlineData("sha256=abcdef")]
    [InlineData("v1=not-hex")]
    [InlineData("v1=abcd")]
    [InlineData("v2=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(",,")]
    public void Header_without_any_well_formed_v1_signature_is_malformed(string header)
    {
        Assert.Equal(SignatureStatus.Malformed, Verifier.Verify(Body, header, Secret));
    }
}
