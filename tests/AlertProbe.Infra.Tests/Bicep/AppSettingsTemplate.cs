using System.Text.Json.Nodes;

namespace AlertProbe.Infra.Tests.Bicep;

/// <summary>The app settings resource of the compiled template and the settings the template manages.</summary>
internal static class AppSettingsTemplate
{
    public static TemplateResource Config(CompiledTemplate template) => template.OfType("Microsoft.Web/sites/config")
        .Single(resource => resource.Name.Contains("'appsettings'", StringComparison.Ordinal));

    /// <summary>The object the appsettings module receives as managedAppSettings, resolved in the calling template.</summary>
    public static JsonObject Managed(CompiledTemplate template)
    {
        var deployment = Config(template).Deployment ?? throw new InvalidOperationException("The appsettings resource is expected in a module.");
        var argument = (string?)deployment.Properties?["parameters"]?["managedAppSettings"]?["value"];
        Assert.Equal("[variables('managedAppSettings')]", argument);
        return deployment.Template["variables"]!["managedAppSettings"]!.AsObject();
    }
}
