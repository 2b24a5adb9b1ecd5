using System.Text.Json.Nodes;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Tests.Messages;

namespace AlertProbe.Core.Tests.FollowUp.Delivery;

/// <summary>Replies put the location line first, then a per-agent table and the app link (issue 16, "Replies").</summary>
public sealed class ReplyFormatTests
{
    private const string Location = "Degraded: path: loss begins at hop 7, 203.0.113.9 (Level 3 Parent, LLC (AS 3356))";

    [Fact]
    public void A_slack_reply_leads_with_the_location_then_a_table_with_network_server_ip_and_last_hop_and_an_app_button()
    {
        var body = SlackReply.Build(MessageSamples.Results(), maxAgents: 10);

        var blocks = body["blocks"]!.AsArray();
        var table = (string)blocks.Single(b => ((string?)b!["text"]?["text"])?.StartsWith("```", StringComparison.Ordinal) == true)!["text"]!["text"]!;
        Assert.Equal((Location, "*" + Location + "*"), ((string?)body["text"], (string?)blocks[0]!["text"]!["text"]));
        Assert.Contains("Agent network", table, StringComparison.Ordinal);
        Assert.Contains("Example Transit (AS 64500)  192.0.2.10  Connect", table, StringComparison.Ordinal);
        Assert.Contains("hop 7 203.0.113.9, Level 3 Parent, LLC (AS 3356)", table, StringComparison.Ordinal);
        Assert.Equal("https://app.thousandeyes.com/view/tests?testId=281474976710656", (string?)blocks[^1]!["elements"]![0]!["url"]);
    }

    [Fact]
    public void A_teams_card_leads_with_the_location_then_one_column_set_per_agent_and_an_open_url_action()
    {
        var card = TeamsReply.Build(MessageSamples.Results(), maxAgents: 10)["attachments"]![0]!["content"]!;

        var rows = card["body"]!.AsArray().Where(b => (string?)b!["type"] == "ColumnSet").ToList();
        var cells = rows[2]!["columns"]!.AsArray().Select(column => (string?)column!["items"]![0]!["text"]).ToList();
        Assert.Equal(Location, (string?)card["body"]![0]!["text"]);
        Assert.Equal(["Agent", "Country", "Agent network", "Server IP", "Phase", "Key metrics", "Last hop"], rows[0]!["columns"]!.AsArray().Select(column => (string?)column!["items"]![0]!["text"]));
        Assert.Equal(["Tokyo, Japan", "–", "Example Transit (AS 64500)", "192.0.2.10", "Connect", "–", "hop 7 203.0.113.9, Level 3 Parent, LLC (AS 3356)"], cells);
        Assert.Equal(("Action.OpenUrl", "https://app.thousandeyes.com/view/tests?testId=281474976710656"), ((string?)card["actions"]![0]!["type"], (string?)card["actions"]![0]!["url"]));
    }

    [Fact]
    public void Without_a_location_the_first_reason_leads()
    {
        var results = MessageSamples.Results() with { Location = null };

        Assert.Equal("Degraded: Frankfurt: response time 2400 ms is above 1000 ms", ReplyText.LocationLine(results));
    }
}
