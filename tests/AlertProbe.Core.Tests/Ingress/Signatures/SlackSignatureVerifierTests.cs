using System.Security.Cryptography;
using System.Text;
using AlertProbe.Core.Ingress.Signatures;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.Ingress.Signatures;

public sealed class SlackSignatureVerifierTests
{
    // Slack's public test vector ("Verifying requests from Slack").
    private const string VectorSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string VectorTimestamp = "1531420618";
    private const string VectorSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly byte[] VectorBody = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
        + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static SlackSignatureVerifier VerifierAt(long unixSeconds)
        => new(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Slack_public_test_vector_is_valid()
    {
        var status = VerifierAt(1531420618).Verify(VectorBody, VectorTimestamp, VectorSignature, VectorSecret);

        Assert.Equal(SignatureStatus.Valid, status);
    }

    [Fact]
    public void Upper_case_hex_signature_is_accepted()
    {
        var status = VerifierAt(1531420618).Verify(VectorBody, VectorTimestamp, "v0=" + VectorSignature[3..].ToUpperInvariant(), VectorSecret);

        Assert.Equal(SignatureStatus.Valid, status);
    }

    [Theory]
    [InlineData(null, VectorSignature)]
    [InlineData("", VectorSignature)]
    [InlineData(VectorTimestamp, null)]
    [InlineData(VectorTimestamp, "")]
    public void Absent_timestamp_or_signature_is_missing(string? timestamp, string? signature)
    {
        var status = VerifierAt(1531420618).Verify(VectorBody, timestamp, signature, VectorSecret);

        Assert.Equal(SignatureStatus.Missing, status);
    }

    [Theory]
    [InlineData(VectorTimestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(VectorTimestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(VectorTimestamp, "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData(VectorTimestamp, "v0=a2114d57")]
    [InlineData("yesterday", VectorSignature)]
    [InlineData("-1531420618", VectorSignature)]
    public void Signature_or_timestamp_in_another_format_is_malformed(string timestamp, string signature)
    {
        var status = VerifierAt(1531420618).Verify(VectorBody, timestamp, signature, VectorSecret);

        Assert.Equal(SignatureStatus.Malformed, status);
    }

    [Fact]
    public void Another_secret_is_a_mismatch()
    {
        var status = VerifierAt(1531420618).Verify(VectorBody, VectorTimestamp, VectorSignature, "another-secret");

        Assert.Equal(SignatureStatus.Mismatch, status);
    }

    [Fact]
    public void A_changed_body_is_a_mismatch()
    {
        var body = VectorBody.ToArray();
        body[^1] ^= 1;

        var status = VerifierAt(1531420618).Verify(body, VectorTimestamp, VectorSignature, VectorSecret);

        Assert.Equal(SignatureStatus.Mismatch, status);
    }

    [Fact]
    public void A_changed_timestamp_is_a_mismatch_because_it_is_signed()
    {
        var status = VerifierAt(1531420619).Verify(VectorBody, "1531420619", VectorSignature, VectorSecret);

        Assert.Equal(SignatureStatus.Mismatch, status);
    }

    [Theory]
    [InlineData(1531420618 + 301)]
    [InlineData(1531420618 - 301)]
    [InlineData(1531420618 + 86_400)]
    public void Genuine_request_more_than_five_minutes_from_now_is_expired(long now)
    {
        var status = VerifierAt(now).Verify(VectorBody, VectorTimestamp, VectorSignature, VectorSecret);

        Assert.Equal(SignatureStatus.Expired, status);
    }

    [Theory]
    [InlineData(1531420618 + 300)]
    [InlineData(1531420618 - 300)]
    public void Genuine_request_within_five_minutes_is_valid(long now)
    {
        var status = VerifierAt(now).Verify(VectorBody, VectorTimestamp, VectorSignature, VectorSecret);

        Assert.Equal(SignatureStatus.Valid, status);
    }

    [Fact]
    public void A_freshly_signed_request_is_valid()
    {
        var now = DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var body = "text=http+https%3A%2F%2Fshop.example.com"u8.ToArray();
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Sign("s3cr3t", timestamp, body);

        var status = new SlackSignatureVerifier(new FakeTimeProvider(now)).Verify(body, timestamp, signature, "s3cr3t");

        Assert.Equal(SignatureStatus.Valid, status);
    }

    internal static string Sign(string secret, string timestamp, byte[] body)
    {
        var data = Encoding.ASCII.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }
}
