using System.Globalization;
using AlertProbe.ThousandEyes.Errors;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlertProbe.Functions.Health;

/// <summary>The body of <c>GET /api/health</c>.</summary>
public sealed record HealthReportResponse
{
    public required string Status { get; init; }

    public required IReadOnlyList<HealthCheckEntry> Checks { get; init; }

    /// <summary>
    /// Maps a report: descriptions, data and validation failures only (never exception messages, which may quote
    /// a connection string), each text through the one <see cref="SecretRedactor"/> as a second line of defence.
    /// </summary>
    public static HealthReportResponse From(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new HealthReportResponse
        {
            Status = report.Status.ToString(),
            Checks = report.Entries
                .OrderBy(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => new HealthCheckEntry
                {
                    Name = entry.Key,
                    Status = entry.Value.Status.ToString(),
                    Description = entry.Value.Exception is not null
                        ? $"The {entry.Key} check failed unexpectedly ({entry.Value.Exception.GetType().Name}); see the logs."
                        : SecretRedactor.Redact(entry.Value.Description),
                    Data = entry.Value.Data
                        .Where(item => item.Key != HealthCheckData.FailuresKey)
                        .ToDictionary(item => item.Key, item => SecretRedactor.Redact(Format(item.Value)) ?? "", StringComparer.Ordinal),
                    Failures = entry.Value.Data.TryGetValue(HealthCheckData.FailuresKey, out var failures) && failures is IEnumerable<string> messages
                        ? messages.Select(message => SecretRedactor.Redact(message)!).ToList()
                        : [],
                })
                .ToList(),
        };
    }

    private static string? Format(object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
