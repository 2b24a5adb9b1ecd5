using System.Text.Json;

namespace AlertProbe.Cli.Tests;

/// <summary>
/// The README's own invocation (<c>dotnet run --project src/AlertProbe.Cli -- …</c>) keeps machine output clean:
/// restore and build write nothing to standard output, so <c>--json</c> can be piped to jq.
/// </summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public async Task Dotnet_run_map_json_prints_only_the_json_document_on_standard_output()
    {
        // The SDK's once-per-machine welcome banner is not the project's output.
        var environment = new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };

        var result = await CliProcess.RunFileAsync(
            CliProcess.Muxer(), ["run", "--project", "src/AlertProbe.Cli", "--", "map", "samples/alerts/grafana.json", "--json"], environment);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}:{Environment.NewLine}{result.Out}{result.Error}");
        using var document = ParseOrFail(result.Out);
        Assert.Equal("grafana", document.RootElement.GetProperty("format").GetString());
    }

    [Fact]
    public void Restore_of_every_project_logged_no_warning()
    {
        // Each restored project's assets file keeps the restore's warnings (NU1603: a dependency version the feed
        // does not serve) — the Worker SDK's generated WorkerExtensions project included.
        var obj = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "obj"));
        Assert.True(Directory.Exists(obj), $"no artifacts obj folder at {obj}");
        var assets = Directory.EnumerateFiles(obj, "project.assets.json", SearchOption.AllDirectories).ToList();
        Assert.Contains(assets, a => a.Contains($"{Path.DirectorySeparatorChar}AlertProbe.Cli{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var warnings = new List<string>();
        foreach (var file in assets)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.TryGetProperty("logs", out var logs))
            {
                warnings.AddRange(logs.EnumerateArray().Select(l => $"{Path.GetRelativePath(obj, file)}: {l.GetProperty("code").GetString()} {l.GetProperty("message").GetString()}"));
            }
        }

        Assert.True(warnings.Count == 0, string.Join(Environment.NewLine, warnings));
    }

    private static JsonDocument ParseOrFail(string output)
    {
        try
        {
            return JsonDocument.Parse(output);
        }
        catch (JsonException exception)
        {
            Assert.Fail($"standard output is not one JSON document ({exception.Message}):{Environment.NewLine}{output}");
            throw;
        }
    }
}
