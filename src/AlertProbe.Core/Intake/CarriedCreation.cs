using System.Text.Json;
using System.Text.Json.Serialization;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.Intake;

/// <summary>
/// A test one delivery created but could not settle (storage failed recording it and then completing its claim, or
/// publishing failed while it was unrecorded): its id lives only in this delivery, so it rides on the message's copy
/// (<see cref="MessageProperties.CarriedCreation"/>), which records, completes and publishes it instead of creating it
/// again (a redelivery without it would meet the test's name and could only declare the test lost).
/// </summary>
/// <param name="PlanKey">The plan of the message the test belongs to.</param>
/// <param name="ClaimId">The coalescing claim the test completes (it hands back the alerts attached meanwhile).</param>
/// <param name="LeaseId">The intake lease the creating delivery held (the copy records the test under it).</param>
/// <param name="Created">The message to publish.</param>
public sealed record CarriedCreation(string PlanKey, string ClaimId, string LeaseId, InstantTestCreated Created)
{
    public string ToJson() => JsonSerializer.Serialize(this, IntakeJsonContext.Default.CarriedCreation);

    /// <summary>The carried creation a copy holds, or null (absent, or unreadable: then the copy acts as if it had none).</summary>
    public static CarriedCreation? Read(IReadOnlyDictionary<string, object> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (!properties.TryGetValue(MessageProperties.CarriedCreation, out var value) || value is not string { Length: > 0 } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, IntakeJsonContext.Default.CarriedCreation);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Source-generated metadata for what the intake carries on its own copies, with the contracts' settings. Its own context:
/// the contracts' context lives in Messages, which must not depend on the intake (NamespaceDependencyTests).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(AlertSourceJsonConverter), typeof(AlertSeverityJsonConverter)])]
[JsonSerializable(typeof(CarriedCreation))]
internal sealed partial class IntakeJsonContext : JsonSerializerContext;
