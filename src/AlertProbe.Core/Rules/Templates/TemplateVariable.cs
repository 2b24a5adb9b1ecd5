using System.Globalization;
using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Rules.Templates;

/// <summary>One of the fixed set of values a template may read from an alert.</summary>
internal sealed record TemplateVariable(string Name, Func<Alert, string?> Resolve, string MissingDetail)
{
    public const string KnownVariables =
        "labels.<name>, customProperties.<name>, annotations.<name>, alert.name, alert.id, alert.severity, alert.source, alert.status, alert.description, target, target.url, target.host, target.ip";

    /// <summary>Finds a variable by its path; null when there is no such variable.</summary>
    public static TemplateVariable? Find(string root, string? member)
    {
        return root switch
        {
            "labels" when member is not null => Map(root, member, alert => alert.Labels, "label"),
            "customProperties" when member is not null => Map(root, member, alert => alert.CustomProperties, "custom property"),
            "annotations" when member is not null => Map(root, member, alert => alert.Annotations, "annotation"),
            "alert" => member switch
            {
                "name" => new("alert.name", alert => alert.Name, "the alert has no name"),
                "id" => new("alert.id", alert => alert.Id, "the alert has no id"),
                "severity" => new("alert.severity", alert => RuleNames.Of(alert.Severity), "the alert has no severity"),
                "source" => new("alert.source", alert => RuleNames.Of(alert.Source), "the alert has no source"),
                "status" => new("alert.status", alert => alert.Status.ToString().ToLower(CultureInfo.InvariantCulture), "the alert has no status"),
                "description" => new("alert.description", alert => alert.Description, "the alert has no description"),
                _ => null,
            },
            "target" => member switch
            {
                null => new("target", alert => alert.Targets.Count > 0 ? alert.Targets[0].Value : null, "the alert has no target"),
                "url" => Target("target.url", "URL", AlertTargetKind.Url),
                "host" => Target("target.host", "host name or IP address", AlertTargetKind.Host, AlertTargetKind.IpAddress),
                "ip" => Target("target.ip", "IP address", AlertTargetKind.IpAddress),
                _ => null,
            },
            _ => null,
        };
    }

    public bool IsTarget => Name.StartsWith("target", StringComparison.Ordinal);

    private static TemplateVariable Map(string root, string key, Func<Alert, IReadOnlyDictionary<string, string>> map, string what)
    {
        var name = IsSimpleKey(key) ? $"{root}.{key}" : $"{root}[\"{key}\"]";
        return new(name, alert => map(alert).TryGetValue(key, out var value) ? value : null, $"the alert has no {what} '{key}' (or it is empty)");
    }

    private static TemplateVariable Target(string name, string what, params AlertTargetKind[] kinds) =>
        new(name, alert => alert.Targets.FirstOrDefault(target => kinds.Contains(target.Kind))?.Value, $"the alert has no {what} target");

    internal static bool IsSimpleKey(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
