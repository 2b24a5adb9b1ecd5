using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AlertProbe.Functions.Tests.Ingress;

/// <summary>Signed Slack and Teams requests as the platforms send them.</summary>
internal static class ChatRequests
{
    public const string SlackSecret = "slack-signing-secret-Kp27";
    public const string ResponseUrl = "https://hooks.slack.com/commands/T0001/1234/abcdEFGH";
    public const string TriggerId = "13345224609.738474920.8088930838d88f008e0";

    /// <summary>A Teams security token (base64), as Teams shows it once.</summary>
    public static readonly string TeamsToken = Convert.ToBase64String(Encoding.UTF8.GetBytes("teams-security-token-bytes-Vn63!"));

    public static byte[] SlackForm(string text) => Encoding.UTF8.GetBytes(
        "token=deprecated&team_id=T0001&team_domain=example&channel_id=C2147483705&channel_name=ops&user_id=U2147483697"
        + "&user_name=ada&command=%2Falertprobe&text=" + Uri.EscapeDataString(text)
        + "&response_url=" + Uri.EscapeDataString(ResponseUrl) + "&trigger_id=" + TriggerId + "&api_app_id=A123");

    public static HttpRequest Slack(string text, DateTimeOffset signedAt, string secret = SlackSecret)
        => SlackSigned(SlackForm(text), signedAt, secret);

    /// <summary>Any form body, signed as Slack signs it.</summary>
    public static HttpRequest SlackSigned(byte[] body, DateTimeOffset signedAt, string secret = SlackSecret)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var data = Encoding.ASCII.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
        return IngressTestHost.Request(body, "application/x-www-form-urlencoded", new Dictionary<string, string>
        {
            ["X-Slack-Request-Timestamp"] = timestamp,
            ["X-Slack-Signature"] = signature,
        });
    }

    public static byte[] TeamsActivity(string text, string id = "1612345678901") => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "29:1abc", ["name"] = "Ada Lovelace", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
        ["conversation"] = new JsonObject { ["id"] = "19:channel@thread.skype" },
        ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
    }.ToJsonString());

    public static HttpRequest Teams(byte[] body, string? token = null)
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(token ?? TeamsToken), body));
        return IngressTestHost.Request(body, "application/json", new Dictionary<string, string> { ["Authorization"] = "HMAC " + signature });
    }
}
