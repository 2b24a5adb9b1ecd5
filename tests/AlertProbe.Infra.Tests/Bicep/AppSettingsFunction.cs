using System.Text.Json.Nodes;

namespace AlertProbe.Infra.Tests.Bicep;

/// <summary>
/// Evaluates parseAppSettings, the user-defined function of infra/modules/appsettings.bicep, with the real bicep
/// (`bicep console`, offline): the function's source is read from the module, so the test runs what deploys.
/// </summary>
internal static class AppSettingsFunction
{
    public static async Task<JsonNode?> EvaluateAsync(string pairs)
    {
        var module = await File.ReadAllLinesAsync(Path.Combine(BicepCli.RepositoryRoot, "infra", "modules", "appsettings.bicep"));
        var function = module.Single(line => line.StartsWith("func parseAppSettings(", StringComparison.Ordinal));
        var literal = "'" + pairs.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

        var run = await BicepCli.RunWithInputAsync($"{function}\nstring(parseAppSettings({literal}))\n", "console");
        var output = run.StandardOutput.Trim();
        if (run.ExitCode != 0 || !output.StartsWith('\'') || output.Contains("Failed to evaluate", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"parseAppSettings({literal}) did not evaluate: {output} {run.Describe()}");
        }

        // The console prints a Bicep string literal: unescape it to the JSON text.
        var json = output[1..^1].Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        return JsonNode.Parse(json);
    }
}
