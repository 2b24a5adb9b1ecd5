using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AlertProbe.Infra.Tests.Bicep;

/// <summary>
/// A resource of the compiled ARM template, with the (module) template that declares it and the module deployment
/// that holds that template (null at the top level).
/// </summary>
internal sealed partial record TemplateResource(string Type, string Name, JsonObject Body, JsonObject Template, TemplateResource? Deployment = null)
{
    public JsonNode? Properties => Body["properties"];

    /// <summary>The declaring template's default value of a parameter (module parameters carry the entity names).</summary>
    public string? ParameterDefault(string parameter) => (string?)Template["parameters"]?[parameter]?["defaultValue"];

    /// <summary>True when the ARM name expression is built from the given template parameter.</summary>
    public bool IsNamedBy(string parameter) => Name.Contains($"parameters('{parameter}')", StringComparison.Ordinal);

    /// <summary>
    /// The name's segments ("namespace/topic/subscription/rule"), each a literal or a parameter's default in the
    /// declaring template; a parameter without a default stays as its expression.
    /// </summary>
    public IReadOnlyList<string> NameSegments()
    {
        var format = FormatName().Match(Name);
        var arguments = format.Success
            ? Argument().Matches(format.Groups["arguments"].Value).Select(match => match.Value).ToList()
            : [Name.Trim('[', ']')];
        return arguments.Select(Resolve).ToList();
    }

    private string Resolve(string argument)
    {
        var parameter = ParameterArgument().Match(argument);
        if (parameter.Success)
        {
            return ParameterDefault(parameter.Groups["name"].Value) ?? argument;
        }

        return argument.StartsWith('\'') && argument.EndsWith('\'') ? argument[1..^1] : argument;
    }

    // [format('{0}/{1}/{2}', parameters('name'), parameters('topic'), 'literal')]
    [GeneratedRegex(@"^\[format\('[^']*', (?<arguments>.*)\)\]$")]
    private static partial Regex FormatName();

    [GeneratedRegex(@"parameters\('\w+'\)|'[^']*'")]
    private static partial Regex Argument();

    [GeneratedRegex(@"^parameters\('(?<name>\w+)'\)$")]
    private static partial Regex ParameterArgument();
}
