using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AlertProbe.ThousandEyes.Tests.Authentication;

public sealed class CredentialTests
{
    [Fact]
    public void A_credential_prints_redacted()
    {
        var credential = ThousandEyesCredential.Basic("ops@example.com", "basic-secret-123");

        Assert.Equal("ThousandEyesCredential(Basic, ***)", credential.ToString());
    }

    [Fact]
    public async Task Configuration_credentials_report_the_missing_setting_by_name()
    {
        var source = new ConfigurationCredentialSource(new ConfigurationBuilder().Build(), Options.Create(new ThousandEyesOptions()));

        var error = await Assert.ThrowsAsync<ThousandEyesCredentialException>(() => source.GetCredentialAsync(false, CancellationToken.None).AsTask());

        Assert.Equal("ThousandEyes:BearerToken is not set (and KeyVault:Uri is not configured)", error.Message);
    }
}
