using System.Globalization;
using System.Text;
using AlertProbe.Core.Alerts;

namespace AlertProbe.Benchmarks.Rules;

/// <summary>
/// Rules files of a chosen size and shape, and the alert that meets their last rule (the worst case for first-match
/// evaluation: every rule before it is looked at).
/// </summary>
public static class GeneratedRules
{
    /// <summary>The shapes measured; each rule i is about service i.</summary>
    public static IReadOnlyList<string> Shapes { get; } = [Regex, ExactAndRegex, UnanchoredRegex];

    /// <summary>One regex matcher per rule with a literal start: <c>service=~"svc-i-(api|web)"</c>.</summary>
    public const string Regex = "regex";

    /// <summary>An exact matcher and a regex per rule: <c>service="svc-i"</c>, <c>instance=~"https?://svc-i\..+"</c>.</summary>
    public const string ExactAndRegex = "exact+regex";

    /// <summary>A regex that names no literal start: <c>service=~".*-i"</c>; no index can narrow it.</summary>
    public const string UnanchoredRegex = "unanchored-regex";

    public static string Yaml(string shape, int count)
    {
        var yaml = new StringBuilder("version: 1\ndefaults:\n  agents: { types: [cloud], max: 2 }\nrules:\n");
        for (var i = 0; i < count; i++)
        {
            var labels = shape switch
            {
                Regex => $"['service=~\"svc-{i}-(api|web)\"']",
                ExactAndRegex => $"['service=\"svc-{i}\"', 'instance=~\"https?://svc-{i}\\\\..+\"']",
                UnanchoredRegex => $"['service=~\".*-{i}\"']",
                _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown shape"),
            };
            yaml.Append(CultureInfo.InvariantCulture, $"""
                  - name: rule-{i}
                    match:
                      severity: {"{"} atLeast: warning {"}"}
                      labels: {labels}
                    tests:
                      - type: http-server
                        url: "{"{{"} labels.instance {"}}"}"

                """);
        }

        return yaml.ToString();
    }

    /// <summary>A firing critical alert that the last of <paramref name="count"/> rules of <paramref name="shape"/> matches.</summary>
    public static Alert AlertForLastRule(string shape, int count)
    {
        var i = count - 1;
        var service = shape switch
        {
            Regex => $"svc-{i}-api",
            UnanchoredRegex => $"checkout-{i}",
            _ => $"svc-{i}",
        };
        return new Alert
        {
            Source = AlertSource.Alertmanager,
            Id = "benchmark-alert",
            Status = AlertStatus.Firing,
            Severity = AlertSeverity.Critical,
            Name = "HighLatency",
            Labels = new Dictionary<string, string>
            {
                ["alertname"] = "HighLatency",
                ["service"] = service,
                ["instance"] = $"https://svc-{i}.example.com/health",
                ["env"] = "prod",
            },
        };
    }
}
