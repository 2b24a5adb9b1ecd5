using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlertProbe.Core.Ingress.Signatures;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.Ingress.Signatures;

public sealed class GrafanaSignatureVerifierTests
{
    private const string Secret = "grafana-hmac-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"version":"1","orgId":1,"status":"firing","alerts":[]}""");
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T12:00:00Z", CultureInfo.InvariantCulture);
    private static readonly string NowSeconds = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private static readonly GrafanaSignatureVerifier Verifier = new(new FakeTimeProvider(Now));

    internal static string Sign(string secret, byte[] body, string? timestamp = null)
    {
        var data = timestamp is null ? body : Encoding.ASCII.GetBytes(timestamp + ":").Concat(body).ToArray();
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    [Fact]
    public void Body_signature_without_timestamp_is_valid()
    {
        Assert.Equal(SignatureStatus.Valid, Verifier.Verify(Body, Sign(Secret, Body), null, timestampRequired: false, Secret, Skew));
    }

    [Fact]
    public void Timestamp_and_body_signature_is_valid_when_a_timestamp_header_is_configured()
    {
        var status = Verifier.Verify(Body, Sign(Secret, Body, NowSeconds), NowSeconds, timestampRequired: true, Secret, Skew);

        Assert.Equal(SignatureStatus.Valid, status);
    }

    [Fact]
    public void Body_only_signature_is_a_mismatch_when_a_timestamp_header_is_configured()
    {
        var status = Verifier.Verify(Body, Sign(Secret, Body), NowSeconds, timestampRequired: true, Secret, Skew);

        Assert.Equal(SignatureStatus.Mismatch, status);
    }

    [Fact]
    public void Another_secret_is_a_mismatch()
    {
        Assert.Equal(SignatureStatus.Mismatch, Verifier.Verify(Body, Sign("other", Body), null, timestampRequired: false, Secret, Skew));
    }

    [Fact]
    public void Absent_signature_is_missing()
    {
        Assert.Equal(SignatureStatus.Missing, Verifier.Verify(Body, null, null, timestampRequired: false, Secret, Skew));
    }

    [Fact]
    public void Absent_timestamp_is_missing_when_a_timestamp_header_is_configured()
    {
        var status = Verifier.Verify(Body, Sign(Secret, Body, NowSeconds), null, timestampRequired: true, Secret, Skew);

        Assert.Equal(SignatureStatus.Missing, status);
    }

    [Theory]
    [InlineData("sha256=00")]
    [InlineData("not hex at all")]
    public void Signature_that_is_not_a_hex_digest_is_malformed(string signature)
    {
        Assert.Equal(SignatureStatus.Malformed, Verifier.Verify(Body, signature, null, timestampRequired: false, Secret, Skew));
    }

    [Fact]
    public void Non_numeric_timestamp_is_malformed()
    {
        var status = Verifier.Verify(Body, Sign(Secret, Body, "soon"), "soon", timestampRequired: true, Secret, Skew);

        Assert.Equal(SignatureStatus.Malformed, status);
    }

    [Fact]
    public void Genuine_but_old_timestamp_is_expired()
    {
        var old = (Now.ToUnixTimeSeconds() - 301).ToString(CultureInfo.InvariantCulture);

        var status = Verifier.Verify(Body, Sign(Secret, Body, old), old, timestampRequired: true, Secret, Skew);

        Assert.Equal(SignatureStatus.Expired, status);
    }
}
