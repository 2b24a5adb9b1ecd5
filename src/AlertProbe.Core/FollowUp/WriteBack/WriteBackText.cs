using System.Globalization;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.WriteBack;

/// <summary>
/// The verdict as formatted text for a write-back: the location line (the same first line as every chat reply), the
/// test, the reasons, the agents (at most <c>FollowUp:Delivery:MaxAgentsListed</c>) and the link to open — the
/// run's snapshot when one was made, else its app link (and why there is no snapshot). Each destination renders
/// these parts in its own format (plain text, Atlassian Document Format).
/// </summary>
public sealed record WriteBackText
{
    public required string Title { get; init; }

    public required string Test { get; init; }

    /// <summary>"Next: …" (<see cref="NextStep"/>); null when no entry applies.</summary>
    public string? Next { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required IReadOnlyList<string> Agents { get; init; }

    /// <summary>"Snapshot" or "ThousandEyes" (the app link), with the URL; null when the run has neither.</summary>
    public (string Label, Uri Url)? Link { get; init; }

    /// <summary>Why the link is the app link and not a snapshot, when a snapshot was wanted; null otherwise.</summary>
    public string? LinkNote { get; init; }

    public static WriteBackText From(InstantTestResults results, int maxAgents)
    {
        ArgumentNullException.ThrowIfNull(results);
        var title = "AlertProbe " + ReplyText.LocationLine(results);
        var reasons = results.Reasons.ToList();
        if (results.Location is { Rule: var rule, Layer: not ("none" or "unlocated") })
        {
            reasons.Add($"located by rule {rule}");
        }

        var agents = results.Agents.Take(maxAgents).Select(ReplyText.AgentLine).ToList();
        if (results.Agents.Count > maxAgents)
        {
            agents.Add($"… and {results.Agents.Count - maxAgents} more agents");
        }

        var app = ReplyText.AppLink(results);
        return new WriteBackText
        {
            Title = title,
            Test = string.Create(CultureInfo.InvariantCulture, $"ThousandEyes {results.TestType} test {results.TestId} of {results.Target}, run {results.Run} (rule {results.Trigger.Rule})"),
            Next = NextStep.For(results) is { } next ? "Next: " + next : null,
            Reasons = reasons,
            Agents = agents,
            Link = app is null ? null : (ReplyText.LinkLabel(results), app),
            LinkNote = results.Snapshot?.Unavailable,
        };
    }

    /// <summary>Plain text, one part per line: PagerDuty notes, ServiceNow work notes, Grafana annotations.</summary>
    public string ToPlainText()
    {
        var lines = new List<string> { Title };
        if (Next is not null)
        {
            lines.Add(Next);
        }

        lines.Add(Test);
        lines.AddRange(Reasons.Select(reason => "- " + reason));
        if (Agents.Count > 0)
        {
            lines.Add("Agents:");
            lines.AddRange(Agents.Select(agent => "  " + agent));
        }

        if (Link is { } link)
        {
            lines.Add($"{link.Label}: {link.Url.AbsoluteUri}");
        }

        if (LinkNote is not null)
        {
            lines.Add(LinkNote);
        }

        return string.Join('\n', lines);
    }
}
