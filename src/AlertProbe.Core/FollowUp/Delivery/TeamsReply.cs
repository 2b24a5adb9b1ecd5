using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// A message for a Teams Workflows incoming-webhook URL ("Post to a channel when a webhook request is received"):
/// <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{…}}]}</c>
/// with an Adaptive Card 1.4 holding the headline, the reasons and one fact per agent.
/// </summary>
public static class TeamsReply
{
    public static JsonObject Build(InstantTestResults results, int maxAgents)
    {
        ArgumentNullException.ThrowIfNull(results);
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = ReplyText.Headline(results),
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
        };
        foreach (var reason in results.Reasons.Skip(1))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "- " + reason, ["wrap"] = true, ["spacing"] = "None" });
        }

        if (results.Agents.Count > 0)
        {
            var facts = new JsonArray();
            foreach (var agent in results.Agents.Take(maxAgents))
            {
                var line = ReplyText.AgentLine(agent);
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                facts.Add(new JsonObject { ["title"] = colon > 0 ? line[..colon] : agent.AgentName, ["value"] = colon > 0 ? line[(colon + 2)..] : line });
            }

            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }

        body.Add(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = $"ThousandEyes test {results.TestId} · alert {results.Trigger.AlertId}",
            ["isSubtle"] = true,
            ["size"] = "Small",
            ["wrap"] = true,
        });

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = new JsonObject
                {
                    ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                    ["type"] = "AdaptiveCard",
                    ["version"] = "1.4",
                    ["body"] = body,
                },
            }),
        };
    }
}
