using System.Reflection;
using System.Text.RegularExpressions;
using AlertProbe.Functions.Hosting;
using AlertProbe.Functions.Tests.Build;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>
/// The alert rules and workbook in infra/modules/operations.bicep select log records by the app's message templates:
/// every template they name must be one the app logs, and every property they read must be a placeholder of it.
/// </summary>
public sealed partial class OperatorViewQueryTests
{
    private static readonly string Module = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "infra", "modules", "operations.bicep"));

    private static readonly List<string> AppTemplates = new[]
        {
            typeof(AlertProbeFunctionsServiceCollectionExtensions).Assembly,
            typeof(AlertProbe.Core.Intake.IntakeOptions).Assembly,
            typeof(AlertProbe.ThousandEyes.ThousandEyesOptions).Assembly,
        }
        .SelectMany(assembly => assembly.GetTypes())
        .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>()?.Message)
        .OfType<string>()
        .ToList();

    public static TheoryData<string, string> QueriedTemplates()
    {
        var block = Module[Module.IndexOf("var logTemplates = {", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("\n}", StringComparison.Ordinal)];
        var data = new TheoryData<string, string>();
        foreach (Match entry in TemplateEntry().Matches(block))
        {
            data.Add(entry.Groups["name"].Value, entry.Groups["template"].Value);
        }

        return data;
    }

    [Fact]
    public void The_app_logs_through_source_generated_templates_the_queries_can_name()
    {
        // A guard for the discovery: without templates every check below would pass vacuously.
        Assert.True(AppTemplates.Count > 20, $"Found only {AppTemplates.Count} [LoggerMessage] templates in the app.");
        Assert.True(QueriedTemplates().Count >= 4, "operations.bicep names fewer templates than expected.");
    }

    [Theory]
    [MemberData(nameof(QueriedTemplates))]
    public void Queried_template_is_the_start_of_a_template_the_app_logs(string name, string template)
    {
        Assert.True(
            AppTemplates.Any(logged => logged.StartsWith(template, StringComparison.Ordinal)),
            $"logTemplates.{name} ('{template}') matches no [LoggerMessage] template of the app: the alert or workbook query would never match.");
    }

    [Fact]
    public void Every_property_a_query_reads_is_a_placeholder_of_a_queried_template()
    {
        var matched = QueriedTemplates()
            .Select(row => (string)row[1])
            .SelectMany(prefix => AppTemplates.Where(logged => logged.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();
        var properties = PropertyRead().Matches(Module).Select(match => match.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(properties);
        Assert.All(properties, property => Assert.Contains(matched, template => template.Contains($"{{{property}}}", StringComparison.Ordinal) || template.Contains($"{{{property}:", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^\s+(?<name>\w+): '(?<template>[^']+)'\s*$", RegexOptions.Multiline)]
    private static partial Regex TemplateEntry();

    [GeneratedRegex(@"Properties\.(?<name>\w+)")]
    private static partial Regex PropertyRead();
}
