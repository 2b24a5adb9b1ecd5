using System.Text.Json;
using System.Text.RegularExpressions;

namespace AlertProbe.Cli.Tests.Mapping;

/// <summary>What <c>map</c> prints beyond the plans: the document version, which rules are in effect, and text details.</summary>
public sealed partial class MapOutputTests
{
    [Fact]
    public async Task Map_json_carries_its_version_first()
    {
        var result = await CliProcess.RunAsync("map", "samples/alerts/grafana.json", "--json");

        using var document = JsonDocument.Parse(result.Out);
        var first = document.RootElement.EnumerateObject().First();
        Assert.Equal(("version", 2), (first.Name, first.Value.GetInt32()));
    }

    [Theory]
    [InlineData(null, null, "builtIn", null)]
    [InlineData("samples/rules.yaml", null, "option", "samples/rules.yaml")]
    [InlineData(null, "samples/rules.yaml", "environment", "samples/rules.yaml")]
    public async Task Map_says_which_rules_are_in_effect(string? option, string? environment, string origin, string? path)
    {
        var variables = new Dictionary<string, string?>();
        if (environment is not null)
        {
            variables["Rules__Path"] = Path.Combine(AlertProbe.Testing.RepositoryRoot.Path, environment);
        }

        string[] args = option is null ? ["map", "samples/alerts/grafana.json", "--json"] : ["map", "samples/alerts/grafana.json", "--rules", option, "--json"];
        var result = await CliInvocation.RunAsync(variables, args);

        using var document = JsonDocument.Parse(result.Out);
        var rules = document.RootElement.GetProperty("rules");
        Assert.Equal(origin, rules.GetProperty("origin").GetString());
        Assert.EndsWith(path ?? string.Empty, rules.GetProperty("path").GetString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_text_says_when_it_falls_back_to_the_built_in_rules()
    {
        var result = await CliInvocation.RunAsync("map", "samples/alerts/grafana.json");

        Assert.Contains("Rules    the built-in default rules (no --rules, no Rules__Path)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_is_printed_once()
    {
        using var payload = TempFile.With(
            """
            {"version":"4","status":"firing","receiver":"alertprobe","groupKey":"{}","commonLabels":{},"groupLabels":{},"commonAnnotations":{},
             "externalURL":"https://alertmanager.contoso.example",
             "alerts":[{"status":"firing","labels":{"alertname":"DiskFull"},"annotations":{},"startsAt":"2025-11-04T16:21:00Z","fingerprint":"disk01"}]}
            """);

        var result = await CliInvocation.RunAsync("map", payload.Path, "--rules", "samples/rules.yaml");

        var count = NoRuleMatched().Count(result.Out);
        Assert.True(count == 1, $"\"no rule matched\" printed {count} times:{Environment.NewLine}{result.Out}");
    }

    [Fact]
    public async Task Json_keeps_apostrophes_as_written()
    {
        using var payload = TempFile.With("""{"version":"4","status":"firing","receiver":"alertprobe","groupKey":"{}"}""");

        var result = await CliInvocation.RunAsync("map", payload.Path, "--source", "alertmanager", "--json");

        Assert.Contains("'alerts'", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refusal_of_a_body_without_alerts_reads_an_alertmanager_webhook()
    {
        using var payload = TempFile.With("""{"version":"4","status":"firing","receiver":"alertprobe","groupKey":"{}"}""");

        var result = await CliInvocation.RunAsync("map", payload.Path, "--source", "alertmanager");

        Assert.Contains("an Alertmanager webhook", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_gives_one_position_counted_from_one()
    {
        using var payload = TempFile.With("{\n  \"a\": 1,\n  \"b\": }");

        var result = await CliInvocation.RunAsync("map", payload.Path, "--json");

        using var document = JsonDocument.Parse(result.Out);
        var description = document.RootElement.GetProperty("rejections")[0].GetProperty("description").GetString()!;
        Assert.Contains("line 3, byte 8 of that line", description, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", description, StringComparison.Ordinal);
    }

    [GeneratedRegex("no rule matched")]
    private static partial Regex NoRuleMatched();
}
