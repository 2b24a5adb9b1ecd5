namespace AlertProbe.Core.Diagnostics;

/// <summary>Attribute names on the app's spans: OpenTelemetry messaging conventions where one fits, <c>alertprobe.*</c> otherwise.</summary>
public static class SpanTags
{
    public const string MessagingSystem = "messaging.system";
    public const string MessagingOperation = "messaging.operation.type";
    public const string Destination = "messaging.destination.name";
    public const string MessageId = "messaging.message.id";
    public const string ConversationId = "messaging.message.conversation_id";
    public const string DeliveryCount = "messaging.servicebus.message.delivery_count";
    public const string ScheduledFor = "alertprobe.scheduled_for";
    public const string Subject = "alertprobe.subject";
    public const string Outcome = "alertprobe.outcome";
    public const string Reason = "alertprobe.reason";
    public const string TestType = "alertprobe.test_type";
    public const string TestId = "alertprobe.test_id";
    public const string Run = "alertprobe.run";
    public const string Rule = "alertprobe.rule";
    public const string AlertId = "alertprobe.alert_id";
    public const string Severity = "alertprobe.severity";
    public const string Source = "alertprobe.source";
    public const string PlanResult = "alertprobe.plan_result";
    public const string ReplyKind = "alertprobe.reply.kind";
    public const string ReplyHost = "alertprobe.reply.host";
    public const string ReplyStatus = "alertprobe.reply.status";
}
