using AlertProbe.ThousandEyes.Errors;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Functions.Tests.Health;

/// <summary>Configured secret settings are remembered by the one redactor (what the health endpoint does before it reports).</summary>
public sealed class ConfiguredSecretTests
{
    [Theory]
    [InlineData("ThousandEyes:BearerToken", "bearer-0a1b2c")]
    [InlineData("Ingress:Teams:SigningSecret", "dGVhbXMtc2VjcmV0")]
    [InlineData("ServiceBus", "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=a;SharedAccessKey=k3y")]
    [InlineData("Some:Storage", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k3y")]
    public void Configured_secret_is_masked_wherever_it_appears(string key, string value)
    {
        SecretRedactor.RememberSettings(Configuration((key, value)));

        var text = SecretRedactor.Redact($"before {value} after");

        Assert.Equal($"before {SecretRedactor.Mask} after", text);
    }

    [Fact]
    public void Ordinary_setting_values_are_left_alone()
    {
        SecretRedactor.RememberSettings(Configuration(("ThousandEyes:ApiVersion", "v7"), ("KeyVault:Uri", "https://kv.vault.azure.net/")));

        var text = SecretRedactor.Redact("v7 at https://kv.vault.azure.net/");

        Assert.Equal("v7 at https://kv.vault.azure.net/", text);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
}
