namespace AlertProbe.Cli.Doctor;

/// <summary><c>alertprobe doctor --json</c>: version 1.0, one entry per check in the order they ran.</summary>
internal sealed record DoctorDocument
{
    public string SchemaVersion { get; init; } = "1.0";

    /// <summary>True when no check failed (skipped ones do not count against it).</summary>
    public required bool Healthy { get; init; }

    public required IReadOnlyList<DoctorEntry> Checks { get; init; }
}

/// <summary>One check: <c>status</c> is pass, fail or skip; <c>fix</c> is null unless it failed.</summary>
internal sealed record DoctorEntry(string Check, string Status, string Detail, string? Fix);
