using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Redaction;
using AlertProbe.ThousandEyes.Errors;

namespace AlertProbe.Core.Tests.Redaction;

/// <summary>The one redactor (issue 9 item 7): what it masks, and what it leaves readable.</summary>
public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("base https://apiuser:hunter2pw@api.thousandeyes.com/v7/", "hunter2pw", "https://[redacted]@api.thousandeyes.com/v7/")]
    [InlineData("Authorization: Bearer abcdefgh12345678", "abcdefgh12345678", "Authorization: [redacted]")]
    [InlineData("{\"headers\":{\"authorization\":\"Basic dXNlcjpwYXNzd29yZA==\"}}", "dXNlcjpwYXNzd29yZA==", "\"authorization\":\"[redacted]\"")]
    [InlineData("the header was Bearer zzzzzzzzyyyyyyyy and more", "zzzzzzzzyyyyyyyy", "Bearer [redacted] and more")]
    [InlineData("POST https://app.azurewebsites.net/api/alerts?code=functionKeyValue123&x=1", "functionKeyValue123", "?code=[redacted]&x=1")]
    [InlineData("GET /hook?access_token=tok_123456789 HTTP/1.1", "tok_123456789", "access_token=[redacted]")]
    [InlineData("X-Api-Key=AKIA1234567890", "AKIA1234567890", "X-Api-Key=[redacted]")]
    [InlineData("X-PagerDuty-Signature: v1=0123456789abcdef", "0123456789abcdef", "X-PagerDuty-Signature: [redacted]")]
    public void Secret_looking_parts_are_masked(string text, string secret, string expected)
    {
        var redacted = SecretRedactor.Redact(text)!;

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(expected, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remembered_secret_is_masked_wherever_it_appears_even_without_a_header_name()
    {
        SecretRedactor.Remember("remembered-secret-Qx7");

        Assert.Equal("echo: [redacted]!", SecretRedactor.Redact("echo: remembered-secret-Qx7!"));
    }

    [Fact]
    public void A_short_value_is_not_remembered_so_ordinary_words_stay_readable()
    {
        SecretRedactor.Remember("created");

        Assert.Equal("sys_created_on is missing", SecretRedactor.Redact("sys_created_on is missing"));
    }

    [Theory]
    [InlineData("ThousandEyes rejected the request (400): testName must not be empty")]
    [InlineData("The 'source' hint 'pagerduty' names no format")]
    [InlineData("the token was rejected (expired, revoked or for another region)")]
    [InlineData("https://shop.example.com/health?lang=en")]
    public void Ordinary_text_is_left_alone(string text)
    {
        Assert.Equal(text, SecretRedactor.Redact(text));
    }

    [Fact]
    public void Dead_letter_descriptions_and_rejections_are_redacted_where_they_are_made()
    {
        var outcome = new IntakeOutcome.DeadLettered("ThousandEyesRejected", "upstream: Authorization: Bearer leakedtoken123");
        var rejection = new Rejection("InvalidField", "/reply/url: 'http://user:pw1234@127.0.0.1:18081/internal' is not allowed");

        Assert.DoesNotContain("leakedtoken123", outcome.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("pw1234", rejection.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("leakedtoken123", new IntakeOutcome.Abandoned("Authorization: Bearer leakedtoken123").Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writer_redacts_every_string_it_is_given()
    {
        using var inner = new StringWriter();
        using (var writer = new RedactingTextWriter(inner))
        {
            writer.WriteLine("ThousandEyes: https://u:secretpw99@127.0.0.1:5080/");
            await writer.WriteAsync("Authorization: Bearer abcdefghijklmnop".AsMemory());
        }

        Assert.DoesNotContain("secretpw99", inner.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghijklmnop", inner.ToString(), StringComparison.Ordinal);
    }
}
