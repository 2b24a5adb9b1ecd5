using System.Reflection;
using System.Text.Json.Nodes;

namespace AlertProbe.Functions.Tests.Metadata;

/// <summary>Reads the functions.metadata the Worker SDK generated for the Functions app.</summary>
internal static class FunctionsMetadata
{
    public static string Path { get; } = typeof(FunctionsMetadata).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FunctionsMetadataPath").Value!;

    public static JsonObject Function(string name)
    {
        Assert.True(File.Exists(Path), $"functions.metadata not found at {Path}: build AlertProbe.Functions first.");
        var functions = JsonNode.Parse(File.ReadAllText(Path))!.AsArray();
        var function = functions.SingleOrDefault(f => (string?)f!["name"] == name);
        Assert.True(function is not null, $"functions.metadata has no function named {name}.");
        return function!.AsObject();
    }

    public static JsonObject Binding(string functionName, string bindingName)
    {
        var binding = Function(functionName)["bindings"]!.AsArray()
            .SingleOrDefault(b => (string?)b!["name"] == bindingName);
        Assert.True(binding is not null, $"Function {functionName} has no binding named {bindingName}.");
        return binding!.AsObject();
    }
}
