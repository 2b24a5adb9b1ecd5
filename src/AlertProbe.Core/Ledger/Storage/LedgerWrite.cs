using Azure.Data.Tables;

namespace AlertProbe.Core.Ledger.Storage;

/// <summary>One write of an <see cref="ILedgerStore.TrySubmitAsync"/> batch (every row in the same partition).</summary>
public sealed record LedgerWrite(LedgerWriteKind Kind, TableEntity Entity);

public enum LedgerWriteKind
{
    /// <summary>Insert if absent.</summary>
    Insert,

    /// <summary>Replace if the row still has the entity's ETag.</summary>
    Replace,

    /// <summary>Insert or replace unconditionally.</summary>
    Upsert,

    /// <summary>Delete if the row still has the entity's ETag.</summary>
    Delete,
}
