using System.Security.Cryptography;
using System.Text;
using AlertProbe.Core.Ingress.Signatures;

namespace AlertProbe.Core.Tests.Ingress.Signatures;

public sealed class TeamsSignatureVerifierTests
{
    private static readonly string SecurityToken = Convert.ToBase64String(Encoding.UTF8.GetBytes("teams-outgoing-webhook-token-32b"));
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"message","id":"1","text":"<at>AlertProbe</at> http https://shop.example.com"}""");

    private static readonly TeamsSignatureVerifier Verifier = new();

    internal static string Sign(string securityToken, byte[] body)
        => "HMAC " + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(securityToken), body));

    [Fact]
    public void Body_signed_with_the_decoded_security_token_is_valid()
    {
        Assert.Equal(SignatureStatus.Valid, Verifier.Verify(Body, Sign(SecurityToken, Body), SecurityToken));
    }

    [Fact]
    public void Signature_keyed_with_the_token_text_instead_of_its_bytes_is_a_mismatch()
    {
        // A common mistake: using the base64 text itself as the key.
        var wrong = "HMAC " + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SecurityToken), Body));

        Assert.Equal(SignatureStatus.Mismatch, Verifier.Verify(Body, wrong, SecurityToken));
    }

    [Fact]
    public void A_changed_body_is_a_mismatch()
    {
        var signature = Sign(SecurityToken, Body);
        var changed = Encoding.UTF8.GetBytes("""{"type":"message","id":"1","text":"<at>AlertProbe</at> http https://evil.example.com"}""");

        Assert.Equal(SignatureStatus.Mismatch, Verifier.Verify(changed, signature, SecurityToken));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Absent_authorization_is_missing(string? authorization)
    {
        Assert.Equal(SignatureStatus.Missing, Verifier.Verify(Body, authorization, SecurityToken));
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("HMAC not-base64!!")]
    [InlineData("HMAC c2hvcnQ=")]
    [InlineData("HMACxyz")]
    public void Authorization_in_another_format_is_malformed(string authorization)
    {
        Assert.Equal(SignatureStatus.Malformed, Verifier.Verify(Body, authorization, SecurityToken));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("not base64!", false)]
    [InlineData("dG9rZW4=", true)]
    public void Security_token_validity_is_reported_for_options_validation(string? token, bool expected)
    {
        Assert.Equal(expected, TeamsSignatureVerifier.IsValidSecurityToken(token));
    }
}
