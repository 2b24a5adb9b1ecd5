using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// A late reply to a Slack slash command, POSTed as JSON to its <c>response_url</c>: <c>in_channel</c> so the
/// channel sees the verdict, Block Kit sections with the reasons and the agents, and <c>text</c> as the fallback.
/// </summary>
public static class SlackReply
{
    /// <summary>Slack caps a section's text at 3000 characters.</summary>
    private const int MaxSectionText = 2900;

    public static JsonObject Build(InstantTestResults results, int maxAgents)
    {
        ArgumentNullException.ThrowIfNull(results);
        var headline = ReplyText.Headline(results);
        var blocks = new JsonArray
        {
            Section($"*{Escape(headline)}*"),
        };
        if (results.Reasons.Count > 1)
        {
            blocks.Add(Section(string.Join('\n', results.Reasons.Skip(1).Select(reason => "• " + Escape(reason)))));
        }

        if (results.Agents.Count > 0)
        {
            var lines = results.Agents.Take(maxAgents).Select(agent => "• " + Escape(ReplyText.AgentLine(agent))).ToList();
            if (results.Agents.Count > maxAgents)
            {
                lines.Add($"… and {results.Agents.Count - maxAgents} more agents");
            }

            blocks.Add(Section(string.Join('\n', lines)));
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = Escape($"ThousandEyes test {results.TestId} · alert {results.Trigger.AlertId}") }),
        });

        return new JsonObject
        {
            ["response_type"] = "in_channel",
            ["replace_original"] = false,
            ["text"] = headline,
            ["blocks"] = blocks,
        };
    }

    private static JsonObject Section(string text) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text.Length <= MaxSectionText ? text : text[..MaxSectionText] + "…" },
    };

    // Slack's mrkdwn control characters.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
