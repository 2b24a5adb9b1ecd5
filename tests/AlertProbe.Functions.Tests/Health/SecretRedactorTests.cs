using AlertProbe.Functions.Health;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Functions.Tests.Health;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("ThousandEyes:BearerToken", "bearer-0a1b2c")]
    [InlineData("Ingress:Teams:SigningSecret", "dGVhbXMtc2VjcmV0")]
    [InlineData("ServiceBus", "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=a;SharedAccessKey=k3y")]
    [InlineData("Some:Storage", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k3y")]
    public void Configured_secret_is_masked_wherever_it_appears(string key, string value)
    {
        var redactor = new SecretRedactor(Configuration((key, value)));

        var text = redactor.CurrentSecrets().Redact($"before {value} after");

        Assert.Equal("before *** after", text);
    }

    [Fact]
    public void Ordinary_setting_values_are_left_alone()
    {
        var redactor = new SecretRedactor(Configuration(("ThousandEyes:ApiVersion", "v7"), ("KeyVault:Uri", "https://kv.vault.azure.net/")));

        var text = redactor.CurrentSecrets().Redact("v7 at https://kv.vault.azure.net/");

        Assert.Equal("v7 at https://kv.vault.azure.net/", text);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
}
