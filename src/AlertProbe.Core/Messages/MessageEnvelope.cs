using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Core.Messages;

/// <summary>
/// The one place where contracts become Service Bus messages and back: body, ids, subject and the application
/// properties subscriptions filter on. Reading never throws for bad input; it returns a rejection.
/// </summary>
public static class MessageEnvelope
{
    public const string JsonContentType = "application/json";

    /// <summary>Larger bodies are refused before parsing (Service Bus standard tier caps messages at 256 KB).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private const int MaxViolationsReported = 3;

    /// <summary>
    /// <c>"{testId}:{run}"</c>: the same run of the same test always gets the same id, so a republish after a
    /// crash is dropped by the topic's duplicate detection.
    /// </summary>
    public static string MessageIdFor(string testId, int run)
    {
        ArgumentException.ThrowIfNullOrEmpty(testId);
        return string.Create(CultureInfo.InvariantCulture, $"{testId}:{run}");
    }

    public static BinaryData Serialize(InstantTestCreated created) =>
        BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(created, MessagesJsonContext.Default.InstantTestCreated));

    public static BinaryData Serialize(InstantTestResults results) =>
        BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(results, MessagesJsonContext.Default.InstantTestResults));

    public static ServiceBusMessage ToServiceBusMessage(InstantTestCreated created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var message = new ServiceBusMessage(Serialize(created))
        {
            MessageId = MessageIdFor(created.TestId, created.Run),
            CorrelationId = created.Trigger.CorrelationId,
            ContentType = JsonContentType,
            Subject = MessageSubjects.InstantTestCreated,
        };
        var properties = message.ApplicationProperties;
        properties[MessageProperties.SchemaVersion] = created.SchemaVersion;
        properties[MessageProperties.TestType] = created.TestType;
        properties[MessageProperties.Source] = Name(created.Trigger.Source);
        properties[MessageProperties.Severity] = Name(created.Trigger.Severity);
        properties[MessageProperties.Collect] = created.FollowUp.Collect;
        properties[MessageProperties.Rerun] = created.FollowUp.HasRerunAfter(created.Run);
        properties[MessageProperties.Run] = created.Run;
        return message;
    }

    public static ServiceBusMessage ToServiceBusMessage(InstantTestResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var message = new ServiceBusMessage(Serialize(results))
        {
            MessageId = MessageIdFor(results.TestId, results.Run),
            CorrelationId = results.Trigger.CorrelationId,
            ContentType = JsonContentType,
            Subject = MessageSubjects.InstantTestResults,
        };
        var properties = message.ApplicationProperties;
        properties[MessageProperties.SchemaVersion] = results.SchemaVersion;
        properties[MessageProperties.TestType] = results.TestType;
        properties[MessageProperties.Source] = Name(results.Trigger.Source);
        properties[MessageProperties.Severity] = Name(results.Trigger.Severity);
        properties[MessageProperties.Verdict] = JsonNamingPolicy.CamelCase.ConvertName(results.Verdict.ToString());
        properties[MessageProperties.Run] = results.Run;
        return message;
    }

    public static MessageReadResult<InstantTestCreated> ReadInstantTestCreated(BinaryData body) =>
        Read(body, MessagesJsonContext.Default.InstantTestCreated, MessageSchema.InstantTestCreated);

    public static MessageReadResult<InstantTestResults> ReadInstantTestResults(BinaryData body) =>
        Read(body, MessagesJsonContext.Default.InstantTestResults, MessageSchema.InstantTestResults);

    /// <summary>The name a source has in messages, properties and SQL filters ("azureMonitor").</summary>
    public static string Name(AlertSource source) => JsonNamingPolicy.CamelCase.ConvertName(source.ToString());

    /// <summary>The name a severity has in messages, properties and SQL filters ("critical").</summary>
    public static string Name(AlertSeverity severity) => JsonNamingPolicy.CamelCase.ConvertName(severity.ToString());

    private static MessageReadResult<T> Read<T>(BinaryData body, JsonTypeInfo<T> typeInfo, MessageSchema schema)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        var contract = typeof(T).Name;
        if (body.ToMemory().Length > MaxBodyBytes)
        {
            return Reject<T>(RejectionReasons.PayloadTooLarge, $"The {contract} body is larger than {MaxBodyBytes} bytes.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToMemory(), new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException exception)
        {
            // The reader's message names the position, never the content.
            return Reject<T>(RejectionReasons.InvalidJson, $"The {contract} body is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Reject<T>(RejectionReasons.InvalidJson, $"The {contract} body must be a JSON object.");
            }

            if (!root.TryGetProperty("schemaVersion", out var version))
            {
                return Reject<T>(RejectionReasons.MissingField, $"The {contract} body has no schemaVersion.");
            }

            if (version.ValueKind != JsonValueKind.String || !IsSupportedVersion(version.GetString()!))
            {
                return Reject<T>(
                    RejectionReasons.UnsupportedSchema,
                    $"{contract} schemaVersion {Describe(version)} is not supported; this reader understands 1.x.");
            }

            var violations = schema.Evaluate(root, MaxViolationsReported);
            if (violations.Count > 0)
            {
                var reason = violations.Any(v => v.Keyword == "required") ? RejectionReasons.MissingField : RejectionReasons.InvalidField;
                return Reject<T>(reason, $"The {contract} body does not match its schema: {string.Join("; ", violations)}");
            }

            try
            {
                var message = root.Deserialize(typeInfo);
                return message is null
                    ? Reject<T>(RejectionReasons.InvalidJson, $"The {contract} body is null.")
                    : MessageReadResult.Success(message);
            }
            catch (JsonException exception)
            {
                return Reject<T>(RejectionReasons.InvalidField, $"The {contract} body could not be read: {exception.Message}");
            }
        }
    }

    private static bool IsSupportedVersion(string version)
    {
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && version[..dot] == "1" && int.TryParse(version[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static string Describe(JsonElement version) =>
        version.ValueKind == JsonValueKind.String && version.GetString()!.Length <= 16
            ? $"\"{version.GetString()}\""
            : $"({version.ValueKind})";

    private static MessageReadResult<T> Reject<T>(string reason, string description)
        where T : class => MessageReadResult.Failure<T>(new Rejection(reason, description));
}
