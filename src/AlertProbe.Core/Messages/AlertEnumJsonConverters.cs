using System.Text.Json;
using System.Text.Json.Serialization;
using AlertProbe.Core.Alerts;

namespace AlertProbe.Core.Messages;

/// <summary>Writes <see cref="AlertSource"/> camelCase ("azureMonitor"); reads any casing, never numbers.</summary>
internal sealed class AlertSourceJsonConverter() : JsonStringEnumConverter<AlertSource>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

/// <summary>Writes <see cref="AlertSeverity"/> camelCase ("critical"); reads any casing, never numbers.</summary>
internal sealed class AlertSeverityJsonConverter() : JsonStringEnumConverter<AlertSeverity>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
