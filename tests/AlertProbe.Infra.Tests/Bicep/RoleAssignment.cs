using System.Text.RegularExpressions;

namespace AlertProbe.Infra.Tests.Bicep;

/// <summary>A role assignment of the compiled template, read back from its ARM expressions.</summary>
internal sealed partial record RoleAssignment(string RoleDefinitionId, string ScopeType, string ScopeParameter, string PrincipalParameter)
{
    public static RoleAssignment From(TemplateResource resource)
    {
        var scope = ScopeExpression().Match((string?)resource.Body["scope"] ?? "");
        Assert.True(scope.Success, $"Unexpected scope expression on {resource.Name}: {resource.Body["scope"]}");

        var role = RoleExpression().Match((string?)resource.Properties?["roleDefinitionId"] ?? "");
        Assert.True(role.Success, $"Unexpected roleDefinitionId on {resource.Name}.");
        var roleId = (string?)resource.Template["variables"]?["roles"]?[role.Groups["role"].Value];
        Assert.True(roleId is not null, $"Role {role.Groups["role"].Value} is not in the roles variable.");

        var principal = ParameterExpression().Match((string?)resource.Properties?["principalId"] ?? "");
        Assert.True(principal.Success, $"Unexpected principalId on {resource.Name}.");

        return new RoleAssignment(
            roleId!,
            scope.Groups["type"].Value,
            scope.Groups["parameter"].Captures[^1].Value,
            principal.Groups["parameter"].Value);
    }

    // [resourceId('Microsoft.ServiceBus/namespaces/queues', parameters('ns'), parameters('queue'))]
    [GeneratedRegex(@"^\[resourceId\('(?<type>[^']+)'(?:, parameters\('(?<parameter>\w+)'\))+\)\]$")]
    private static partial Regex ScopeExpression();

    [GeneratedRegex(@"variables\('roles'\)\.(?<role>\w+)")]
    private static partial Regex RoleExpression();

    [GeneratedRegex(@"^\[parameters\('(?<parameter>\w+)'\)\]$")]
    private static partial Regex ParameterExpression();
}
