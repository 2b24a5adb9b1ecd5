using System.Diagnostics.CodeAnalysis;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Alerts;

/// <summary>
/// The outcome of parsing one payload: either the alerts (and, for manual requests, the test plans) it
/// carries, or the <see cref="Rejection"/> that says why it cannot be used. Zero alerts is a success
/// (e.g. a PagerDuty ping); <see cref="Notes"/> say why.
/// </summary>
public sealed record AlertParseResult
{
    /// <summary>The detected (or hinted) format; null when the payload was refused before detection.</summary>
    public AlertSource? Format { get; init; }

    public IReadOnlyList<Alert> Alerts { get; init; } = [];

    /// <summary>Plans of manual requests (rule "manual"); empty for monitoring alerts, which go through the rules.</summary>
    public IReadOnlyList<TestPlan> ManualPlans { get; init; } = [];

    /// <summary>Things worth logging that did not stop parsing, e.g. "pagey.ping ignored".</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public Rejection? Rejection { get; init; }

    [MemberNotNullWhen(true, nameof(Rejection))]
    public bool IsRejected => Rejection is not null;

    public static AlertParseResult Success(
        AlertSource format,
        IReadOnlyList<Alert> alerts,
        IReadOnlyList<string>? notes = null,
        IReadOnlyList<TestPlan>? manualPlans = null) =>
        new()
        {
            Format = format,
            Alerts = alerts,
            Notes = notes ?? [],
            ManualPlans = manualPlans ?? [],
        };

    public static AlertParseResult Rejected(string reason, string description, AlertSource? format = null) =>
        new() { Format = format, Rejection = new Rejection(reason, description) };
}
