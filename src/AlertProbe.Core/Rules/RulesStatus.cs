namespace AlertProbe.Core.Rules;

/// <summary>
/// What the app plans with now, and what happened to the last attempt to replace it: for <c>/api/health</c> and logs.
/// A rejected or unreadable newer document never replaces the rules in use; it shows here until a good one arrives.
/// </summary>
public sealed record RulesStatus
{
    /// <summary>"embedded-default", "file" or "blob".</summary>
    public required string SourceKind { get; init; }

    /// <summary>The file path or blob URI (no query string); the built-in name for the defaults.</summary>
    public required string SourceName { get; init; }

    public required int RuleCount { get; init; }

    /// <summary>The version of the document in use (ETag, or write time and length); null for the built-in rules.</summary>
    public string? Version { get; init; }

    /// <summary>When the rules in use were loaded.</summary>
    public required DateTimeOffset LoadedAt { get; init; }

    /// <summary>When the source was last polled for a change; null before the first poll.</summary>
    public DateTimeOffset? LastCheckedAt { get; init; }

    /// <summary>The newest version seen that failed validation and was not applied; null when none is pending.</summary>
    public string? RejectedVersion { get; init; }

    /// <summary>Why <see cref="RejectedVersion"/> was refused (file:line messages); empty when nothing was refused.</summary>
    public IReadOnlyList<RuleError> RejectedErrors { get; init; } = [];

    public DateTimeOffset? RejectedAt { get; init; }

    /// <summary>Why the last poll could not read the source (storage unreachable, no access); null when it could.</summary>
    public string? ReadFailure { get; init; }
}
