using System.Text.Json.Nodes;

namespace AlertProbe.Infra.Tests.Bicep;

/// <summary>A resource of the compiled ARM template, with the (module) template that declares it.</summary>
internal sealed record TemplateResource(string Type, string Name, JsonObject Body, JsonObject Template)
{
    public JsonNode? Properties => Body["properties"];

    /// <summary>The declaring template's default value of a parameter (module parameters carry the entity names).</summary>
    public string? ParameterDefault(string parameter) => (string?)Template["parameters"]?[parameter]?["defaultValue"];

    /// <summary>True when the ARM name expression is built from the given template parameter.</summary>
    public bool IsNamedBy(string parameter) => Name.Contains($"parameters('{parameter}')", StringComparison.Ordinal);
}
