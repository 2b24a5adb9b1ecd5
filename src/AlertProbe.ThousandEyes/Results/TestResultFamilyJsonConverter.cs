using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlertProbe.ThousandEyes.Results;

/// <summary>Writes a <see cref="TestResultFamily"/> as its canonical name.</summary>
public sealed class TestResultFamilyJsonConverter : JsonConverter<TestResultFamily>
{
    public override TestResultFamily Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.GetString() ?? throw new JsonException("A test result family must be a string.");
        return TestResultFamily.Find(name) ?? throw new JsonException($"Unknown test result family '{name}'.");
    }

    public override void Write(Utf8JsonWriter writer, TestResultFamily value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Name);
    }
}
