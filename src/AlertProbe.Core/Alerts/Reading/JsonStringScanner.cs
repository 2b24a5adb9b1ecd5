using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AlertProbe.Core.Alerts.Reading;

/// <summary>
/// Finds the first string (value or property name) of a syntactically valid JSON text that cannot become a .NET
/// string: a <c>\uD800</c>–<c>\uDFFF</c> escape that is not half of a surrogate pair. RFC 8259 §8.2 lets such text
/// through the grammar, <see cref="JsonDocument"/> accepts it, and every later <see cref="JsonElement.GetString"/>
/// (ours, or JsonSchema.Net's) throws on it; checking once, up front, turns that into a rejection with a pointer.
/// Raw (unescaped) bytes need no check here: the caller has already refused invalid UTF-8.
/// </summary>
internal static class JsonStringScanner
{
    /// <returns>Null when every string is readable; otherwise where (a JSON pointer) and what is wrong.</returns>
    public static (string Pointer, string Problem)? FindUnreadableString(ReadOnlySpan<byte> utf8Json, int maxDepth)
    {
        // Almost every payload has no \u escape at all: one vectorised search settles it.
        if (utf8Json.IndexOf("\\u"u8) < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Disallow });
        var frames = new List<Frame>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped && SurrogateProblem(reader.ValueSpan) is { } nameProblem)
                    {
                        return (Pointer(frames, frames.Count - 1), $"a member name has {nameProblem}");
                    }

                    frames[^1] = frames[^1] with { Name = reader.GetString()! };
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    Advance(frames);
                    frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, string.Empty));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                case JsonTokenType.String:
                    Advance(frames);
                    if (reader.ValueIsEscaped && SurrogateProblem(reader.ValueSpan) is { } valueProblem)
                    {
                        return (Pointer(frames, frames.Count), $"the string has {valueProblem}");
                    }

                    break;
                default:
                    Advance(frames);
                    break;
            }
        }

        return null;
    }

    /// <summary>Describes the first unpaired surrogate escape in the raw (still escaped) contents of a JSON string.</summary>
    internal static string? SurrogateProblem(ReadOnlySpan<byte> escaped)
    {
        var pendingHigh = -1;
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] == (byte)'\\' && i + 1 < escaped.Length)
            {
                if (escaped[i + 1] == (byte)'u' && i + 5 < escaped.Length
                    && int.TryParse(Encoding.ASCII.GetString(escaped.Slice(i + 2, 4)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
                {
                    i += 5;
                    if (pendingHigh >= 0)
                    {
                        if (unit is >= 0xDC00 and <= 0xDFFF)
                        {
                            pendingHigh = -1;
                            continue;
                        }

                        return LoneHigh(pendingHigh);
                    }

                    if (unit is >= 0xD800 and <= 0xDBFF)
                    {
                        pendingHigh = unit;
                    }
                    else if (unit is >= 0xDC00 and <= 0xDFFF)
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"a lone low surrogate escape \\u{unit:X4} (invalid UTF-16)");
                    }

                    continue;
                }

                if (pendingHigh >= 0)
                {
                    return LoneHigh(pendingHigh);
                }

                i++;
                continue;
            }

            if (pendingHigh >= 0)
            {
                return LoneHigh(pendingHigh);
            }
        }

        return pendingHigh >= 0 ? LoneHigh(pendingHigh) : null;
    }

    private static string LoneHigh(int unit) =>
        string.Create(CultureInfo.InvariantCulture, $"a lone high surrogate escape \\u{unit:X4} (invalid UTF-16)");

    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        }
    }

    /// <summary>The pointer made of the first <paramref name="count"/> frames (each names its child: index or member).</summary>
    private static string Pointer(List<Frame> frames, int count)
    {
        var builder = new StringBuilder();
        foreach (var frame in frames.Take(count))
        {
            builder.Append('/').Append(frame.IsArray ? frame.Index.ToString(CultureInfo.InvariantCulture) : Escape(frame.Name));
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }

    // RFC 6901: "~" and "/" inside a reference token.
    internal static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private readonly record struct Frame(bool IsArray, int Index, string Name);
}
