using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// A late reply to a Slack slash command, POSTed as JSON to its <c>response_url</c>: <c>in_channel</c> so the
/// channel sees the verdict; Block Kit with the location line first, the test, the other reasons, a per-agent table
/// (monospace, since a section has no table) and a button to the run in the ThousandEyes app; <c>text</c> (the
/// location line) as the notification fallback.
/// </summary>
public static class SlackReply
{
    /// <summary>Slack caps a section's text at 3000 characters.</summary>
    private const int MaxSectionText = 2900;

    public static JsonObject Build(InstantTestResults results, int maxAgents)
    {
        ArgumentNullException.ThrowIfNull(results);
        var location = ReplyText.LocationLine(results);
        var blocks = new JsonArray
        {
            Section($"*{Escape(location)}*"),
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = Escape($"{results.Target} ({results.TestType}, run {results.Run}) · ThousandEyes test {results.TestId} · alert {results.Trigger.AlertId}") }),
            },
        };

        if (NextStep.For(results) is { } next)
        {
            blocks.Add(Section("*Next:* " + Escape(next)));
        }

        var reasons = results.Reasons.Where(reason => !location.EndsWith(reason, StringComparison.Ordinal)).ToList();
        if (results.Location is { Rule: var rule, Layer: not ("none" or "unlocated") })
        {
            reasons.Add($"located by rule {rule}");
        }

        if (reasons.Count > 0)
        {
            blocks.Add(Section(string.Join('\n', reasons.Select(reason => "• " + Escape(reason)))));
        }

        if (results.Agents.Count > 0)
        {
            var rows = results.Agents.Take(maxAgents).Select(ReplyText.AgentRow).ToList();
            var table = Table([ReplyText.Columns, .. rows]);
            if (results.Agents.Count > maxAgents)
            {
                table += $"\n… and {results.Agents.Count - maxAgents} more agents";
            }

            blocks.Add(Section("```" + Escape(table) + "```"));
        }

        if (results.Snapshot?.Unavailable is { } noSnapshot)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = Escape(noSnapshot) }),
            });
        }

        if (ReplyText.AppLink(results) is { } link)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray(new JsonObject
                {
                    ["type"] = "button",
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = results.Snapshot?.Link is null ? "Open in ThousandEyes" : "Open snapshot" },
                    ["url"] = link.AbsoluteUri,
                }),
            });
        }

        return new JsonObject
        {
            ["response_type"] = "in_channel",
            ["replace_original"] = false,
            ["text"] = location,
            ["blocks"] = blocks,
        };
    }

    // Columns padded to their widest cell, so the monospace block reads as a table.
    private static string Table(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Count).Select(column => rows.Max(row => row[column].Length)).ToList();
        return string.Join('\n', rows.Select(row => string.Join("  ", row.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd()));
    }

    private static JsonObject Section(string text) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text.Length <= MaxSectionText ? text : text[..MaxSectionText] + "…" },
    };

    // Slack's mrkdwn control characters.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
