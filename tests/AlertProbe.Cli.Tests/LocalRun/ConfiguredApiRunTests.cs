using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlertProbe.Cli.Tests.LocalRun;

/// <summary><c>run</c> with ThousandEyes given by the environment talks to that API, not to the embedded simulator.</summary>
public sealed class ConfiguredApiRunTests
{
    private const string Token = "fake-bearer-token-7f3a";

    private const string Payload = """
        {"testType":"agent-to-server","server":"db.contoso.example:5432","protocol":"tcp",
         "agents":[{"agentId":"113"}],"followUp":{"collect":true}}
        """;

    [Fact]
    public async Task Run_creates_the_test_on_the_configured_api_with_its_bearer_token()
    {
        await using var api = await FakeThousandEyesApi.StartAsync();
        using var payload = TempFile.With(Payload);

        var result = await CliInvocation.RunAsync(Environment(api), "run", payload.Path, "--json", "--timeout", "2m");

        Assert.True(result.ExitCode == 0, result.Error);
        var create = Assert.Single(api.Requests, r => r.Method == "POST");
        Assert.Equal("/v7/tests/agent-to-server/instant", create.Path);
        Assert.Equal($"Bearer {Token}", create.Authorization);
        Assert.Equal("db.contoso.example:5432", api.CreateBody?["server"]?.GetValue<string>());
    }

    [Fact]
    public async Task Run_reports_the_verdict_from_the_configured_api_results()
    {
        await using var api = await FakeThousandEyesApi.StartAsync();
        using var payload = TempFile.With(Payload);

        var result = await CliInvocation.RunAsync(Environment(api), "run", payload.Path, "--json", "--timeout", "2m");

        using var document = JsonDocument.Parse(result.Out);
        var test = Assert.Single(document.RootElement.GetProperty("tests").EnumerateArray());
        Assert.Equal(FakeThousandEyesApi.TestId, test.GetProperty("testId").GetString());
        Assert.Equal("healthy", test.GetProperty("verdict").GetString());
        Assert.Equal("Fake Lisbon", test.GetProperty("agents")[0].GetProperty("agentName").GetString());
        Assert.Contains(api.Requests, r => r.Method == "GET" && r.Path == $"/v7/test-results/{FakeThousandEyesApi.TestId}/network");
    }

    [Fact]
    public async Task Map_prints_the_body_that_run_sends_up_to_the_name_tag()
    {
        await using var api = await FakeThousandEyesApi.StartAsync();
        using var payload = TempFile.With(Payload);

        var mapped = await CliInvocation.RunAsync(Environment(api), "map", payload.Path, "--json");
        await CliInvocation.RunAsync(Environment(api), "run", payload.Path, "--json", "--timeout", "2m");

        var plan = JsonNode.Parse(mapped.Out)!["plans"]![0]!;
        Assert.Equal("/v7/tests/agent-to-server/instant", plan["path"]!.GetValue<string>());
        // The name's tag includes the message's enqueue instant (docs/thousandeyes.md#test-names), which a dry run
        // cannot know: everything else is the same, and so is the name up to its tag.
        var printed = plan["body"]!.DeepClone().AsObject();
        var sent = api.CreateBody!.DeepClone().AsObject();
        var names = (Printed: printed["testName"]!.GetValue<string>(), Sent: sent["testName"]!.GetValue<string>());
        printed.Remove("testName");
        sent.Remove("testName");
        Assert.True(JsonNode.DeepEquals(printed, sent), $"map printed {printed.ToJsonString()} but run sent {sent.ToJsonString()}");
        Assert.Equal(names.Printed[..names.Printed.LastIndexOf(" [", StringComparison.Ordinal)], names.Sent[..names.Sent.LastIndexOf(" [", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task The_token_never_appears_in_the_output()
    {
        await using var api = await FakeThousandEyesApi.StartAsync();
        using var payload = TempFile.With(Payload);

        var result = await CliInvocation.RunAsync(Environment(api), "run", payload.Path, "--verbose", "--timeout", "2m");

        Assert.DoesNotContain(Token, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Environment(FakeThousandEyesApi api) => new()
    {
        ["ThousandEyes__BaseUrl"] = api.BaseAddress.ToString(),
        ["ThousandEyes__ApiVersion"] = "v7",
        ["ThousandEyes__BearerToken"] = Token,
    };
}
