using System.Xml.Linq;
using AlertProbe.Testing;

namespace AlertProbe.ThousandEyes.Tests.Architecture;

/// <summary>
/// The client library knows nothing of Azure: where the credential is kept (Key Vault) is the hosts' choice
/// (<c>AlertProbe.Core.KeyVault</c>), and the client takes a <c>ThousandEyesCredentialSource</c>.
/// </summary>
public sealed class AzureIndependenceTests
{
    private static bool IsAzure(string name) =>
        name.StartsWith("Azure", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.Azure", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.Extensions.Azure", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void The_client_project_references_no_azure_package()
    {
        var project = XDocument.Load(RepositoryRoot.Combine("src", "AlertProbe.ThousandEyes", "AlertProbe.ThousandEyes.csproj"));

        var azure = project.Descendants("PackageReference")
            .Select(reference => (string?)reference.Attribute("Include") ?? string.Empty)
            .Where(IsAzure)
            .ToList();

        Assert.True(azure.Count == 0, "Azure packages referenced by the ThousandEyes client: " + string.Join(", ", azure));
    }

    [Fact]
    public void The_client_assembly_loads_no_azure_assembly()
    {
        var azure = typeof(ThousandEyesClient).Assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name ?? string.Empty)
            .Where(IsAzure)
            .ToList();

        Assert.True(azure.Count == 0, "Azure assemblies referenced by AlertProbe.ThousandEyes: " + string.Join(", ", azure));
    }
}
