using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// A message for a Teams Workflows incoming-webhook URL ("Post to a channel when a webhook request is received"):
/// <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{…}}]}</c>
/// with an Adaptive Card 1.4: the location line first, the test, the other reasons, a per-agent table (a ColumnSet
/// per row: Adaptive Cards have Table only from 1.5) and an Action.OpenUrl to the run in the ThousandEyes app.
/// </summary>
public static class TeamsReply
{
    public static JsonObject Build(InstantTestResults results, int maxAgents)
    {
        ArgumentNullException.ThrowIfNull(results);
        var location = ReplyText.LocationLine(results);
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = location,
                ["weight"] = "Bolder",
                ["wrap"] = true,
                ["color"] = results.Verdict switch
                {
                    TestVerdict.Healthy => "Good",
                    TestVerdict.Degraded => "Warning",
                    TestVerdict.Failing => "Attention",
                    _ => "Default",
                },
            },
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = $"{results.Target} ({results.TestType}, run {results.Run}) · ThousandEyes test {results.TestId} · alert {results.Trigger.AlertId}",
                ["isSubtle"] = true,
                ["size"] = "Small",
                ["wrap"] = true,
                ["spacing"] = "None",
            },
        };
        if (NextStep.For(results) is { } next)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Next: " + next, ["weight"] = "Bolder", ["wrap"] = true });
        }

        foreach (var reason in results.Reasons.Where(reason => !location.EndsWith(reason, StringComparison.Ordinal)))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "- " + reason, ["wrap"] = true, ["spacing"] = "None" });
        }

        if (results.Location is { Rule: var rule, Layer: not ("none" or "unlocated") })
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"located by rule {rule}", ["isSubtle"] = true, ["wrap"] = true, ["spacing"] = "None" });
        }

        if (results.Agents.Count > 0)
        {
            body.Add(Row(ReplyText.Columns, header: true));
            foreach (var agent in results.Agents.Take(maxAgents))
            {
                body.Add(Row(ReplyText.AgentRow(agent), header: false));
            }

            if (results.Agents.Count > maxAgents)
            {
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"… and {results.Agents.Count - maxAgents} more agents", ["isSubtle"] = true, ["wrap"] = true });
            }
        }

        if (results.Snapshot?.Unavailable is { } noSnapshot)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = noSnapshot, ["isSubtle"] = true, ["wrap"] = true });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (ReplyText.AppLink(results) is { } link)
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = results.Snapshot?.Link is null ? "Open in ThousandEyes" : "Open snapshot", ["url"] = link.AbsoluteUri });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
    }

    private static JsonObject Row(IReadOnlyList<string> cells, bool header) => new()
    {
        ["type"] = "ColumnSet",
        ["spacing"] = header ? "Medium" : "Small",
        ["separator"] = header,
        ["columns"] = new JsonArray([.. cells.Select(cell => (JsonNode)new JsonObject
        {
            ["type"] = "Column",
            ["width"] = "stretch",
            ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = cell, ["wrap"] = true, ["size"] = "Small", ["weight"] = header ? "Bolder" : "Default" }),
        })]),
    };
}
