using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>Writes an <see cref="InstantTestType"/> as its canonical name and reads either version's name.</summary>
public sealed class InstantTestTypeJsonConverter : JsonConverter<InstantTestType>
{
    public override InstantTestType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InstantTestType.Parse(reader.GetString() ?? throw new JsonException("An instant test type must be a string."));

    public override void Write(Utf8JsonWriter writer, InstantTestType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Name);
    }
}
