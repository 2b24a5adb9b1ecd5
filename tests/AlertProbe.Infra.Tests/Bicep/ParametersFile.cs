using System.Text.Json.Nodes;

namespace AlertProbe.Infra.Tests.Bicep;

/// <summary>infra/main.parameters.json: what azd substitutes into each parameter of main.bicep ("${ENV_NAME=default}").</summary>
internal static class ParametersFile
{
    public static JsonObject Parameters { get; } = JsonNode.Parse(
        File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "main.parameters.json")))!["parameters"]!.AsObject();

    public static string? Value(string parameter) => Parameters[parameter]?["value"]?.ToString();
}
