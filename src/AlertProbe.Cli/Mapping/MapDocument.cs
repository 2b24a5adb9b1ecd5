using System.Text.Json.Nodes;

namespace AlertProbe.Cli.Mapping;

/// <summary>
/// The <c>alertprobe map --json</c> document, version 2 (docs/cli.md). Adding a field is compatible; renaming or
/// removing one is not.
/// </summary>
internal sealed record MapDocument
{
    public const int CurrentVersion = 2;

    /// <summary>The document's version, first so a consumer can check it before reading on.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The rules the payload was planned with.</summary>
    public required RulesInEffect Rules { get; init; }

    /// <summary>The detected format ("alertmanager", "azure-monitor", …); null when the payload was refused before detection.</summary>
    public required string? Format { get; init; }

    public required IReadOnlyList<MappedAlert> Alerts { get; init; }

    public required IReadOnlyList<MappedPlan> Plans { get; init; }

    public required IReadOnlyList<MappedRejection> Rejections { get; init; }
}

/// <summary>A normalised alert.</summary>
internal sealed record MappedAlert
{
    public required string Source { get; init; }

    public required string Id { get; init; }

    /// <summary>"firing" or "resolved".</summary>
    public required string Status { get; init; }

    /// <summary>AlertProbe's scale: critical, error, warning, informational, verbose, unknown.</summary>
    public required string Severity { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required IReadOnlyList<MappedTarget> Targets { get; init; }
}

/// <summary>A candidate target found in an alert.</summary>
internal sealed record MappedTarget
{
    /// <summary>"url", "host" or "ipAddress".</summary>
    public required string Kind { get; init; }

    public required string Value { get; init; }

    /// <summary>Where it was found, e.g. "labels.instance".</summary>
    public required string Origin { get; init; }
}

/// <summary>A planned instant test and the exact request the intake would send for it.</summary>
internal sealed record MappedPlan
{
    public required string Rule { get; init; }

    public required string AlertId { get; init; }

    public required string TestType { get; init; }

    /// <summary>"v6" or "v7".</summary>
    public required string ApiVersion { get; init; }

    public required string Method { get; init; }

    /// <summary>Relative to <c>ThousandEyes:BaseUrl</c>, with <c>?aid=</c> when the plan or configuration names an account group.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The JSON body. <c>agents</c> is the wire list when the agents are explicit ids; when they are chosen by name,
    /// label, country or type it is <c>{"selector": {…}}</c>, resolved against the account's agent list at run time.
    /// </summary>
    public required JsonObject Body { get; init; }

    public required string CoalescingKey { get; init; }
}

/// <summary>Why the payload, or one of its plans, is refused: the dead-letter reason code and a description.</summary>
internal sealed record MappedRejection
{
    public required string Reason { get; init; }

    public required string Description { get; init; }
}
