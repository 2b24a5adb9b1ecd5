using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Tests.Planning;

/// <summary>Builds <see cref="Alert"/>s for rule, template, planner and policy tests.</summary>
internal sealed class AlertBuilder
{
    private readonly Dictionary<string, string> labels = [];
    private readonly Dictionary<string, string> annotations = [];
    private readonly Dictionary<string, string> customProperties = [];
    private readonly List<AlertTarget> targets = [];
    private AlertSource source = AlertSource.Alertmanager;
    private AlertStatus status = AlertStatus.Firing;
    private AlertSeverity severity = AlertSeverity.Critical;
    private string id = "alert-1";
    private string name = "ProbeFailed";
    private string? description;

    public AlertBuilder From(AlertSource value) { source = value; return this; }

    public AlertBuilder WithId(string value) { id = value; return this; }

    public AlertBuilder Named(string value) { name = value; return this; }

    public AlertBuilder Described(string value) { description = value; return this; }

    public AlertBuilder WithSeverity(AlertSeverity value) { severity = value; return this; }

    public AlertBuilder Resolved() { status = AlertStatus.Resolved; return this; }

    public AlertBuilder WithLabel(string key, string value) { labels[key] = value; return this; }

    public AlertBuilder WithAnnotation(string key, string value) { annotations[key] = value; return this; }

    public AlertBuilder WithCustomProperty(string key, string value) { customProperties[key] = value; return this; }

    public AlertBuilder WithUrlTarget(string value, string origin = "labels.instance") { targets.Add(new AlertTarget(AlertTargetKind.Url, value, origin)); return this; }

    public AlertBuilder WithHostTarget(string value, string origin = "labels.instance") { targets.Add(new AlertTarget(AlertTargetKind.Host, value, origin)); return this; }

    public AlertBuilder WithIpTarget(string value, string origin = "labels.instance") { targets.Add(new AlertTarget(AlertTargetKind.IpAddress, value, origin)); return this; }

    public Alert Build() => new()
    {
        Source = source,
        Id = id,
        Status = status,
        Severity = severity,
        Name = name,
        Description = description,
        Labels = new Dictionary<string, string>(labels),
        Annotations = new Dictionary<string, string>(annotations),
        CustomProperties = new Dictionary<string, string>(customProperties),
        Targets = [.. targets],
    };
}
