using System.Reflection;
using System.Text.RegularExpressions;
using AlertProbe.Core.Diagnostics;
using AlertProbe.Functions.Hosting;
using AlertProbe.Functions.Tests.Build;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>
/// The alert rules and workbook in infra/modules/operations.bicep select log records by logging category and EventId
/// and chart the app's metrics by name and tag: every event they name must be one the app logs, every metric one it
/// records, every tag one it sets. A renamed event id, instrument or tag breaks a test, not the alert.
/// </summary>
public sealed partial class OperatorViewQueryTests
{
    private static readonly string Module = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "infra", "modules", "operations.bicep"));

    /// <summary>(category, event id) of every [LoggerMessage] of the app: the category is the class whose nested Log holds it.</summary>
    private static readonly List<(string Category, int EventId, string Template)> AppEvents = new[]
        {
            typeof(AlertProbeFunctionsServiceCollectionExtensions).Assembly,
            typeof(AlertProbe.Core.Intake.IntakeOptions).Assembly,
            typeof(AlertProbe.ThousandEyes.ThousandEyesOptions).Assembly,
        }
        .SelectMany(assembly => assembly.GetTypes())
        .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Select(method => (Method: method, Attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
        .Where(entry => entry.Attribute is not null)
        .Select(entry => ((entry.Method.DeclaringType!.DeclaringType ?? entry.Method.DeclaringType!).FullName!, entry.Attribute!.EventId, entry.Attribute.Message))
        .ToList();

    private static readonly HashSet<string> AppMetrics = [.. ConstantsOf(typeof(AlertProbeTelemetry)).Where(value => value.StartsWith("alertprobe.", StringComparison.Ordinal))];

    private static readonly HashSet<string> AppMetricTags = [.. ConstantsOf(typeof(MetricTags))];

    public static TheoryData<string, string, int> QueriedEvents()
    {
        var data = new TheoryData<string, string, int>();
        foreach (Match entry in LogEvent().Matches(Block("var logEvents = {")))
        {
            data.Add(entry.Groups["name"].Value, entry.Groups["category"].Value, int.Parse(entry.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    public static TheoryData<string, string> ChartedMetrics()
    {
        var data = new TheoryData<string, string>();
        foreach (Match entry in MetricEntry().Matches(Block("var metricNames = {")))
        {
            data.Add(entry.Groups["name"].Value, entry.Groups["metric"].Value);
        }

        return data;
    }

    [Fact]
    public void The_view_names_events_and_metrics_the_discovery_can_check()
    {
        // A guard for the discovery: without entries every check below would pass vacuously.
        Assert.True(AppEvents.Count > 20, $"Found only {AppEvents.Count} [LoggerMessage] events in the app.");
        Assert.Equal(2, QueriedEvents().Count);
        Assert.Equal(7, ChartedMetrics().Count);
        Assert.Equal(7, AppMetrics.Count);
    }

    [Theory]
    [MemberData(nameof(QueriedEvents))]
    public void Queried_event_is_one_the_app_logs_under_that_category(string name, string category, int eventId)
    {
        Assert.True(
            AppEvents.Any(logged => logged.Category == category && logged.EventId == eventId),
            $"logEvents.{name} ({category}, EventId {eventId}) is no [LoggerMessage] of the app: the alert would never fire.");
    }

    [Fact]
    public void Every_metric_the_app_records_is_charted_and_every_charted_metric_is_recorded()
    {
        var charted = ChartedMetrics().Select(row => (string)row[1]).ToHashSet();
        Assert.Equal(AppMetrics.Order(StringComparer.Ordinal), charted.Order(StringComparer.Ordinal));
        Assert.All(charted, metric => Assert.Contains($"\"${{metricNames.{Key(metric)}}}\"", Module, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_dimension_a_query_reads_is_a_tag_the_app_sets_or_a_log_property()
    {
        var read = PropertyRead().Matches(Module).Select(match => match.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.True(
            name is "CategoryName" or "EventId" || AppMetricTags.Contains(name),
            $"Properties[\"{name}\"] is neither a metric tag of the app ({string.Join(", ", AppMetricTags)}) nor CategoryName/EventId."));
    }

    private static string Key(string metric) =>
        ChartedMetrics().Single(row => (string)row[1] == metric)[0].ToString()!;

    private static string Block(string opening)
    {
        var block = Module[Module.IndexOf(opening, StringComparison.Ordinal)..];
        return block[..block.IndexOf("\n}", StringComparison.Ordinal)];
    }

    private static IEnumerable<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Where(value => value != AlertProbeTelemetry.Name);

    [GeneratedRegex(@"^\s+(?<name>\w+): \{\s*category: '(?<category>[^']+)'\s*eventId: '(?<id>\d+)'\s*\}", RegexOptions.Multiline)]
    private static partial Regex LogEvent();

    [GeneratedRegex(@"^\s+(?<name>\w+): '(?<metric>alertprobe\.[^']+)'\s*$", RegexOptions.Multiline)]
    private static partial Regex MetricEntry();

    [GeneratedRegex(@"Properties\[""(?<name>\w+)""\]")]
    private static partial Regex PropertyRead();
}
