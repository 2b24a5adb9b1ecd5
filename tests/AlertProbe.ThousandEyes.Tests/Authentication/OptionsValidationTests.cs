using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.ThousandEyes.Tests.Authentication;

public sealed class OptionsValidationTests
{
    private static readonly Uri Api = new("https://api.thousandeyes.com/");

    [Fact]
    public async Task Basic_auth_on_v7_fails_validation_naming_the_setting()
    {
        await using var host = ClientHost.Create(Api, ThousandEyesApiVersion.V7, new FakeTimeProvider(), new Dictionary<string, string?>
        {
            ["ThousandEyes:AuthScheme"] = "basic", ["ThousandEyes:Email"] = "ops@example.com", ["ThousandEyes:BasicToken"] = "t",
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Provider.GetRequiredService<IOptions<ThousandEyesOptions>>().Value);

        Assert.Contains("ThousandEyes:AuthScheme basic is only supported by API v6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_auth_on_v6_is_accepted()
    {
        await using var host = ClientHost.Create(Api, ThousandEyesApiVersion.V6, new FakeTimeProvider(), new Dictionary<string, string?>
        {
            ["ThousandEyes:AuthScheme"] = "basic", ["ThousandEyes:Email"] = "ops@example.com", ["ThousandEyes:BasicToken"] = "t",
        });

        Assert.Equal(ThousandEyesAuthScheme.Basic, host.Provider.GetRequiredService<IOptions<ThousandEyesOptions>>().Value.AuthScheme);
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_fails_validation()
    {
        await using var host = ClientHost.Create(new Uri("http://api.thousandeyes.com/"), ThousandEyesApiVersion.V7, new FakeTimeProvider());

        var error = Assert.Throws<OptionsValidationException>(() => host.Provider.GetRequiredService<IOptions<ThousandEyesOptions>>().Value);

        Assert.Contains("ThousandEyes:BaseUrl must use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_key_vault_a_bearer_token_setting_is_required()
    {
        await using var host = ClientHost.Create(Api, ThousandEyesApiVersion.V7, new FakeTimeProvider(), new Dictionary<string, string?> { ["ThousandEyes:BearerToken"] = null });

        var error = Assert.Throws<OptionsValidationException>(() => host.Provider.GetRequiredService<IOptions<ThousandEyesOptions>>().Value);

        Assert.Contains("ThousandEyes:BearerToken is required when KeyVault:Uri is not set", error.Message, StringComparison.Ordinal);
    }
}
