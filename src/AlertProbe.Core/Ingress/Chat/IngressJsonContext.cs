using System.Text.Json.Serialization;

namespace AlertProbe.Core.Ingress.Chat;

/// <summary>JSON written and read by the chat ingress: manual requests, Slack/Teams replies, Teams activities.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ManualRequestDocument))]
[JsonSerializable(typeof(SlackReply))]
[JsonSerializable(typeof(TeamsReply))]
[JsonSerializable(typeof(TeamsActivity))]
internal sealed partial class IngressJsonContext : JsonSerializerContext;

/// <summary>The manual request a chat command becomes (schema <c>schemas/manual-request.v1.json</c>).</summary>
internal sealed record ManualRequestDocument
{
    public string SchemaVersion { get; init; } = "1.0";

    public required string TestType { get; init; }

    public string? Url { get; init; }

    public string? Server { get; init; }

    public string? Domain { get; init; }

    public required IReadOnlyList<ManualRequestAgent> Agents { get; init; }

    public required int MaxAgents { get; init; }

    public required ManualRequestFollowUp FollowUp { get; init; }

    public ManualRequestReply? Reply { get; init; }
}

/// <summary>One agent criterion (exactly one member set); entries of one kind are alternatives, different kinds narrow each other.</summary>
internal sealed record ManualRequestAgent(string? Country = null, string? Label = null, string? Type = null);

internal sealed record ManualRequestFollowUp(bool Collect, ManualRequestRerun? Rerun);

/// <param name="Interval">ISO 8601 duration, e.g. "PT5M".</param>
internal sealed record ManualRequestRerun(int Count, string Interval);

internal sealed record ManualRequestReply(string Kind, string Url);

/// <summary>Slack slash command response.</summary>
internal sealed record SlackReply(
    [property: JsonPropertyName("response_type")] string ResponseType,
    string Text);

/// <summary>Teams outgoing webhook response.</summary>
internal sealed record TeamsReply(string Type, string Text);

/// <summary>The parts of a Bot Framework message activity the Teams command needs.</summary>
internal sealed record TeamsActivity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Text { get; init; }

    /// <summary>When the message was sent (UTC, ISO 8601), as text: read leniently, checked for freshness.</summary>
    public string? Timestamp { get; init; }

    public TeamsAccount? From { get; init; }
}

internal sealed record TeamsAccount(string? Id, string? Name);
