using System.Globalization;
using Azure.Data.Tables;

namespace AlertProbe.Core.Ledger.Storage;

/// <summary>
/// Stores a JSON payload across string properties: Table Storage caps one string property at 64 KiB
/// (32K UTF-16 characters) and an entity at 1 MiB.
/// </summary>
internal static class PayloadColumns
{
    private const int ChunkLength = 30_000;
    private const int MaxChunks = 15;
    private const string Prefix = "Payload";
    private const string CountProperty = "PayloadParts";

    public static void Write(TableEntity entity, string payload)
    {
        var parts = Math.Max(1, (payload.Length + ChunkLength - 1) / ChunkLength);
        if (parts > MaxChunks)
        {
            throw new InvalidOperationException($"A ledger payload of {payload.Length} characters exceeds what one table entity can hold.");
        }

        for (var i = 0; i < parts; i++)
        {
            var start = i * ChunkLength;
            entity[Name(i)] = payload.Substring(start, Math.Min(ChunkLength, payload.Length - start));
        }

        entity[CountProperty] = parts;
    }

    public static string? Read(TableEntity entity)
    {
        var parts = entity.GetInt32(CountProperty);
        if (parts is null)
        {
            return null;
        }

        return string.Concat(Enumerable.Range(0, parts.Value).Select(i => entity.GetString(Name(i))));
    }

    public static void Remove(TableEntity entity)
    {
        var parts = entity.GetInt32(CountProperty) ?? 0;
        for (var i = 0; i < parts; i++)
        {
            entity.Remove(Name(i));
        }

        entity.Remove(CountProperty);
    }

    private static string Name(int index) => index == 0 ? Prefix : Prefix + index.ToString(CultureInfo.InvariantCulture);
}
