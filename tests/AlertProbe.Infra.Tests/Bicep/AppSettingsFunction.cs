using System.Text.Json.Nodes;

namespace AlertProbe.Infra.Tests.Bicep;

/// <summary>
/// Evaluates parseAppSettings, the user-defined function of infra/modules/appsettings.bicep, with the real bicep
/// (`bicep console`, offline): the function's source is read from the module, so the test runs what deploys.
/// </summary>
internal static class AppSettingsFunction
{
    public static Task<JsonNode?> EvaluateAsync(string pairs) =>
        EvaluateFunctionAsync("appsettings.bicep", "parseAppSettings", Literal(pairs));

    /// <summary>A Bicep string literal of <paramref name="text"/>.</summary>
    public static string Literal(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>Evaluates the one-line user-defined <paramref name="name"/> of infra/modules/<paramref name="module"/> on a Bicep argument list.</summary>
    public static async Task<JsonNode?> EvaluateFunctionAsync(string module, string name, string arguments)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(BicepCli.RepositoryRoot, "infra", "modules", module));
        var function = lines.Single(line => line.StartsWith($"func {name}(", StringComparison.Ordinal));

        var run = await BicepCli.RunWithInputAsync($"{function}\nstring({name}({arguments}))\n", "console");
        var output = run.StandardOutput.Trim();
        if (run.ExitCode != 0 || !output.StartsWith('\'') || output.Contains("Failed to evaluate", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{name}({arguments}) did not evaluate: {output} {run.Describe()}");
        }

        // The console prints a Bicep string literal: unescape it to the JSON text.
        var json = output[1..^1].Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        return JsonNode.Parse(json);
    }
}
