using System.Text.Json.Serialization;

namespace AlertProbe.Core.Messages;

[JsonConverter(typeof(JsonStringEnumConverter<ReplyKind>))]
public enum ReplyKind
{
    [JsonStringEnumMemberName("slack")]
    Slack,

    [JsonStringEnumMemberName("teams")]
    Teams,

    [JsonStringEnumMemberName("webhook")]
    Webhook,
}
