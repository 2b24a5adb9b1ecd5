using System.Text.Json.Nodes;

namespace AlertProbe.Infra.Tests.Bicep;

/// <summary>infra/main.bicep compiled to ARM JSON once per test run, with its module deployments flattened.</summary>
internal sealed class CompiledTemplate
{
    private static readonly Lazy<Task<CompiledTemplate>> Main = new(() => CompileAsync("infra/main.bicep"));

    private CompiledTemplate(string json)
    {
        Json = json;
        Root = JsonNode.Parse(json)!.AsObject();
        Resources = Flatten(Root).ToList();
    }

    public string Json { get; }

    public JsonObject Root { get; }

    public IReadOnlyList<TemplateResource> Resources { get; }

    public static Task<CompiledTemplate> MainAsync() => Main.Value;

    public IReadOnlyList<TemplateResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public TemplateResource Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    public TemplateResource Single(string type, string nameParameter)
    {
        var matches = OfType(type).Where(resource => resource.IsNamedBy(nameParameter)).ToList();
        Assert.True(matches.Count == 1, $"Expected one {type} named by parameter {nameParameter}, found {matches.Count}.");
        return matches[0];
    }

    private static async Task<CompiledTemplate> CompileAsync(string path)
    {
        var run = await BicepCli.RunAsync("build", path, "--stdout");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {path} failed: {run.Describe()}");
        }

        return new CompiledTemplate(run.StandardOutput);
    }

    private static IEnumerable<TemplateResource> Flatten(JsonObject template, TemplateResource? deployment = null)
    {
        // languageVersion 2.0 (a module with user-defined functions) keys resources by symbolic name.
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(node => node!.AsObject()),
            JsonObject symbolic => symbolic.Select(pair => pair.Value!.AsObject()),
            _ => [],
        };
        foreach (var body in resources.ToList())
        {
            if (body["existing"]?.GetValue<bool>() == true)
            {
                continue;
            }

            var type = (string)body["type"]!;
            var resource = new TemplateResource(type, (string)body["name"]!, body, template, deployment);
            yield return resource;

            if (type == "Microsoft.Resources/deployments" && body["properties"]?["template"] is JsonObject module)
            {
                foreach (var nested in Flatten(module, resource))
                {
                    yield return nested;
                }
            }
        }
    }
}
