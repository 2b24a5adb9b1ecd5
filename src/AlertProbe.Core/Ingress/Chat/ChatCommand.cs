using System.Globalization;
using System.Text;
using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Ingress.Chat;

/// <summary>A parsed <c>/alertprobe</c> command: one instant test to run.</summary>
public sealed record ChatCommand
{
    /// <summary>The ThousandEyes (v7) test type, e.g. "http-server".</summary>
    public required string TestType { get; init; }

    /// <summary>Which manual-request field the target goes into: "url", "server" or "domain".</summary>
    public required string TargetField { get; init; }

    public required string Target { get; init; }

    /// <summary>At most this many agents; null leaves the choice to the intake's defaults.</summary>
    public int? AgentCount { get; init; }

    /// <summary>ISO 3166 alpha-2 codes, upper case.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    public string? Label { get; init; }

    public RerunPolicy? Rerun { get; init; }

    /// <summary>"http-server test against https://x from 3 agents in US, DE, rerun 2 times every 5m".</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{TestType} test against {Target}");
        if (AgentCount is { } count)
        {
            text.Append(CultureInfo.InvariantCulture, $" from {count} agent{(count == 1 ? string.Empty : "s")}");
        }

        if (Countries.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" in {string.Join(", ", Countries)}");
        }

        if (Label is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" with label {Label}");
        }

        if (Rerun is { } rerun)
        {
            text.Append(CultureInfo.InvariantCulture, $", rerun {rerun.Count} time{(rerun.Count == 1 ? string.Empty : "s")} every {ChatDuration.Format(rerun.Interval)}");
        }

        return text.ToString();
    }
}
