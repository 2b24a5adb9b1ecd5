using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace AlertProbe.Core.Messages;

/// <summary>Reads and writes a <see cref="TimeSpan"/> as an ISO 8601 duration ("PT5M").</summary>
public sealed class Iso8601DurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an ISO 8601 duration string such as \"PT5M\".");
        }

        var text = reader.GetString();
        try
        {
            return XmlConvert.ToTimeSpan(text!);
        }
        catch (FormatException)
        {
            throw new JsonException("Expected an ISO 8601 duration string such as \"PT5M\".");
        }
        catch (OverflowException)
        {
            throw new JsonException("The duration is too long.");
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(XmlConvert.ToString(value));
    }
}
