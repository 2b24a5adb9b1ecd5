using System.Text.Json.Serialization;

namespace AlertProbe.Core.Messages;

/// <summary>The ThousandEyes API version a test was created with; reruns and result links must use the same one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InstantTestApiVersion>))]
public enum InstantTestApiVersion
{
    [JsonStringEnumMemberName("v6")]
    V6,

    [JsonStringEnumMemberName("v7")]
    V7,
}
