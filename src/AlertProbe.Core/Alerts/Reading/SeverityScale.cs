using System.Globalization;

namespace AlertProbe.Core.Alerts.Reading;

/// <summary>Maps each source's severity vocabulary onto <see cref="AlertSeverity"/>.</summary>
internal static class SeverityScale
{
    /// <summary>Azure Monitor "Sev0".."Sev4".</summary>
    public static AlertSeverity FromAzure(string? severity) =>
        severity?.Trim().ToUpperInvariant() switch
        {
            "SEV0" => AlertSeverity.Critical,
            "SEV1" => AlertSeverity.Error,
            "SEV2" => AlertSeverity.Warning,
            "SEV3" => AlertSeverity.Informational,
            "SEV4" => AlertSeverity.Verbose,
            _ => AlertSeverity.Unknown,
        };

    /// <summary>A conventional severity word (Prometheus/Grafana <c>labels.severity</c>), or P1..P5.</summary>
    public static AlertSeverity FromName(string? severity) =>
        severity?.Trim().ToUpperInvariant() switch
        {
            "CRITICAL" or "CRIT" or "FATAL" or "EMERGENCY" or "EMERG" or "ALERT" or "PAGE" or "DISASTER" or "P1" => AlertSeverity.Critical,
            "ERROR" or "ERR" or "MAJOR" or "HIGH" or "P2" => AlertSeverity.Error,
            "WARNING" or "WARN" or "MINOR" or "MEDIUM" or "AVERAGE" or "P3" => AlertSeverity.Warning,
            "INFO" or "INFORMATION" or "INFORMATIONAL" or "NOTICE" or "LOW" or "P4" => AlertSeverity.Informational,
            "NONE" or "DEBUG" or "VERBOSE" or "TRACE" or "OK" or "P5" => AlertSeverity.Verbose,
            _ => AlertSeverity.Unknown,
        };

    /// <summary>A 1..5 scale (ServiceNow priority/severity/urgency), as a digit or "1 - Critical".</summary>
    public static AlertSeverity FromDigit(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || !char.IsAsciiDigit(text[0]))
        {
            return AlertSeverity.Unknown;
        }

        var digits = new string([.. text.TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 5
            ? (AlertSeverity)(level - 1)
            : AlertSeverity.Unknown;
    }
}
