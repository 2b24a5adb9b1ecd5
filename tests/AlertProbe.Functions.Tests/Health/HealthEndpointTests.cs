using static AlertProbe.Functions.Tests.Health.HealthRequest;

namespace AlertProbe.Functions.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Valid_configuration_answers_200_listing_every_dependency()
    {
        var response = await SendAsync(ValidSettings());

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("Healthy", (string?)response.Json["status"]);
        Assert.Equal(
            ["alertParsing", "followUp", "ingress", "intake", "keyVault", "ledger", "messaging", "rateBudget", "rules", "rulesInUse", "serviceBus", "targetPolicy", "thousandEyes"],
            response.Json["checks"]!.AsArray().Select(check => (string?)check!["name"]));
    }

    [Fact]
    public async Task ThousandEyes_entry_reports_host_api_version_and_credential_source()
    {
        var response = await SendAsync(ValidSettings());

        Assert.Equal("127.0.0.1", response.Data("thousandEyes", "baseUrlHost"));
        Assert.Equal("v7", response.Data("thousandEyes", "apiVersion"));
        Assert.Equal("configuration", response.Data("thousandEyes", "credentialSource"));
    }

    [Fact]
    public async Task Key_vault_uri_makes_key_vault_the_credential_source()
    {
        var response = await SendAsync(ValidSettingsWith(
            ("KeyVault:Uri", "https://kv-alertprobe-test.vault.azure.net/"),
            ("ThousandEyes:BearerToken", null)));

        Assert.Equal("key-vault", response.Data("thousandEyes", "credentialSource"));
        Assert.Equal("kv-alertprobe-test.vault.azure.net", response.Data("keyVault", "vaultHost"));
    }

    [Fact]
    public async Task Service_bus_namespace_is_reported_as_an_identity_connection()
    {
        var response = await SendAsync(ValidSettings());

        Assert.Equal("identity", response.Data("serviceBus", "authentication"));
        Assert.Equal("sb-alertprobe-test.servicebus.windows.net", response.Data("serviceBus", "namespace"));
        Assert.Equal("user-assigned", response.Data("serviceBus", "identity"));
    }

    [Fact]
    public async Task Service_bus_connection_string_is_reported_by_kind_and_namespace_only()
    {
        var response = await SendAsync(ValidSettingsWith(
            ("ServiceBus:fullyQualifiedNamespace", null),
            ("ServiceBus", "Endpoint=sb://sb-local.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey=c2Itc2VjcmV0LWtleQ==")));

        Assert.Equal("connection-string", response.Data("serviceBus", "authentication"));
        Assert.Equal("sb-local.servicebus.windows.net", response.Data("serviceBus", "namespace"));
    }

    [Fact]
    public async Task Ledger_and_rules_report_where_their_state_comes_from()
    {
        var response = await SendAsync(ValidSettings());

        Assert.Equal("development-storage", response.Data("ledger", "kind"));
        Assert.Equal("embedded-default", response.Data("rules", "source"));
    }

    [Fact]
    public async Task Unknown_api_version_answers_503_naming_the_setting()
    {
        var response = await SendAsync(ValidSettingsWith(("ThousandEyes:ApiVersion", "v9")));

        Assert.Equal(503, response.StatusCode);
        Assert.Contains(response.Failures("thousandEyes"), failure => failure.Contains("ThousandEyes:ApiVersion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_http_to_a_remote_api_answers_503_naming_the_setting()
    {
        var response = await SendAsync(ValidSettingsWith(("ThousandEyes:BaseUrl", "http://api.example.com/")));

        Assert.Equal(503, response.StatusCode);
        Assert.Contains(response.Failures("thousandEyes"), failure => failure.Contains("ThousandEyes:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_feature_options_answer_503_with_the_validation_failure()
    {
        var response = await SendAsync(ValidSettingsWith(("Ingress:MaxBodyBytes", "10")));

        Assert.Equal(503, response.StatusCode);
        Assert.Contains(response.Failures("ingress"), failure => failure.Contains("MaxBodyBytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_service_bus_connection_answers_503()
    {
        // The app itself refuses to start without it (AddAlertProbeMessaging); the check says why when it runs alone.
        var response = await SendToHealthChecksOnlyAsync(ValidSettingsWith(("ServiceBus:fullyQualifiedNamespace", null)));

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("Unhealthy", (string?)response.Check("serviceBus")["status"]);
    }

    [Fact]
    public async Task Malformed_service_bus_connection_string_is_reported_as_malformed()
    {
        var response = await SendAsync(ValidSettingsWith(("ServiceBus", "Endpoint=sb://sb-cs.servicebus.windows.net/;SharedAccessKey;;=")));

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("The ServiceBus connection string is malformed.", (string?)response.Check("serviceBus")["description"]);
    }

    [Fact]
    public async Task Rules_path_to_a_missing_file_answers_503()
    {
        var response = await SendAsync(ValidSettingsWith(("Rules:Path", Path.Combine(Path.GetTempPath(), $"no-such-rules-{Guid.NewGuid():N}.yaml"))));

        Assert.Equal(503, response.StatusCode);
        Assert.Contains(response.Failures("rules"), failure => failure.Contains("Rules:Path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Response_is_not_cacheable()
    {
        var response = await SendAsync(ValidSettings());

        Assert.Equal("no-store", response.CacheControl);
    }

    [Theory]
    [InlineData("ThousandEyes:BearerToken", "te-bearer-5f2c1d9a", "te-bearer-5f2c1d9a")]
    [InlineData("ServiceBus", "Endpoint=sb://sb-cs.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0LWtleS12YWx1ZQ==", "c2VjcmV0LWtleS12YWx1ZQ==")]
    [InlineData("Ledger:ConnectionString", "DefaultEndpointsProtocol=https;AccountName=stledger;AccountKey=bGVkZ2VyLWFjY291bnQta2V5;EndpointSuffix=core.windows.net", "bGVkZ2VyLWFjY291bnQta2V5")]
    [InlineData("Ingress:Slack:SigningSecret", "slack-signing-secret-8e1f", "slack-signing-secret-8e1f")]
    public async Task Secret_in_configuration_never_appears_in_the_body(string key, string value, string secretPart)
    {
        var response = await SendAsync(ValidSettingsWith((key, value)));

        Assert.DoesNotContain(secretPart, response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ThousandEyes:BearerToken", "te-bearer-77ab31", "te-bearer-77ab31")]
    [InlineData("ServiceBus", "Endpoint=sb://sb-cs.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=bWFsZm9ybWVk;;=", "bWFsZm9ybWVk")]
    public async Task Secret_in_configuration_never_appears_in_the_body_of_an_unhealthy_report(string key, string value, string secretPart)
    {
        var response = await SendAsync(ValidSettingsWith((key, value), ("ThousandEyes:ApiVersion", "v9"), ("Ingress:MaxBodyBytes", "10")));

        Assert.Equal(503, response.StatusCode);
        Assert.DoesNotContain(secretPart, response.Body, StringComparison.Ordinal);
    }
}
