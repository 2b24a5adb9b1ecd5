using System.ComponentModel.DataAnnotations;

namespace AlertProbe.Core.Ledger;

/// <summary>
/// Where the ledger (and the shared rate budget) keep their state (section <c>Ledger</c>). Table Storage with a
/// connection string (<c>UseDevelopmentStorage=true</c> locally) or a service URI with managed identity;
/// in-memory only when asked for (<c>Ledger:Kind = InMemory</c>): it is per process, so scaled-out instances
/// would not see each other.
/// </summary>
public sealed class LedgerOptions
{
    public const string SectionName = "Ledger";

    public LedgerKind Kind { get; set; } = LedgerKind.TableStorage;

    /// <summary>A storage connection string. A secret: never log it.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Table service endpoint, e.g. <c>https://account.table.core.windows.net</c>, used with managed identity.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity (with <see cref="ServiceUri"/>).</summary>
    public string? ClientId { get; set; }

    /// <summary>Tables are named <c>{prefix}Intake</c>, <c>{prefix}Coalescing</c>, …; letters and digits, starting with a letter.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    public string TableNamePrefix { get; set; } = "alertprobe";

    /// <summary>Create missing tables on first use (needs a role that may create tables; infra can pre-create them instead).</summary>
    public bool CreateTables { get; set; } = true;

    /// <summary>
    /// How long an intake claim blocks a redelivery of the same message before it may be re-claimed (an attempt
    /// that crashed before creating the test must not block forever).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan IntakeLease { get; set; } = TimeSpan.FromMinutes(2);
}

public enum LedgerKind
{
    TableStorage,
    InMemory,
}
