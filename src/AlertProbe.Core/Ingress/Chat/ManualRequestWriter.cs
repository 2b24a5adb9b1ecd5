using System.Text.Json;

namespace AlertProbe.Core.Ingress.Chat;

/// <summary>Turns a chat command into the manual-request JSON the intake reads from the <c>alerts</c> queue.</summary>
public static class ManualRequestWriter
{
    /// <param name="requester">Who asked: (chat kind, user id, user name), kept for the audit trail.</param>
    public static byte[] Write(ChatCommand command, ChatReplyAddress? reply, (string Kind, string? UserId, string? UserName)? requester)
    {
        ArgumentNullException.ThrowIfNull(command);
        var agents = command.Countries.Select(country => new ManualRequestAgent(Country: country)).ToList();
        if (command.Label is not null)
        {
            agents.Add(new ManualRequestAgent(Label: command.Label));
        }

        var document = new ManualRequestDocument
        {
            TestType = command.TestType,
            Url = command.TargetField == "url" ? command.Target : null,
            Server = command.TargetField == "server" ? command.Target : null,
            Domain = command.TargetField == "domain" ? command.Target : null,
            Agents = agents.Count == 0 ? null : agents,
            AgentCount = command.AgentCount,
            FollowUp = new ManualRequestFollowUp(
                Collect: true,
                command.Rerun is { } rerun ? new ManualRequestRerun(rerun.Count, rerun.Interval) : null),
            Reply = reply is null ? null : new ManualRequestReply(reply.Kind, reply.Url.AbsoluteUri),
            RequestedBy = requester is { } who ? new ManualRequestRequester(who.Kind, who.UserId, who.UserName) : null,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, IngressJsonContext.Default.ManualRequestDocument);
    }
}
