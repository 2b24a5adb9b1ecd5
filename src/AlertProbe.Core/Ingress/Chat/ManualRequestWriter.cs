using System.Text.Json;
using System.Xml;

namespace AlertProbe.Core.Ingress.Chat;

/// <summary>
/// Turns a chat command into a manual request (<c>schemas/manual-request.v1.json</c>) for the <c>alerts</c> queue.
/// Only envelope members and the target field are written: every other member would be passed to ThousandEyes.
/// </summary>
public static class ManualRequestWriter
{
    public static byte[] Write(ChatCommand command, ChatReplyAddress? reply, ChatIngressOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(defaults);
        var agents = command.Countries.Select(country => new ManualRequestAgent(Country: country)).ToList();
        if (command.Label is not null)
        {
            agents.Add(new ManualRequestAgent(Label: command.Label));
        }

        if (agents.Count == 0)
        {
            // The schema requires at least one criterion; "any agent of the default type" is what a bare command means.
            agents.Add(new ManualRequestAgent(Type: defaults.DefaultAgentType));
        }

        var document = new ManualRequestDocument
        {
            TestType = command.TestType,
            Url = command.TargetField == "url" ? command.Target : null,
            Server = command.TargetField == "server" ? command.Target : null,
            Domain = command.TargetField == "domain" ? command.Target : null,
            Agents = agents,
            MaxAgents = command.AgentCount ?? defaults.DefaultMaxAgents,
            FollowUp = new ManualRequestFollowUp(
                Collect: true,
                command.Rerun is { } rerun ? new ManualRequestRerun(rerun.Count, XmlConvert.ToString(rerun.Interval)) : null),
            Reply = reply is null ? null : new ManualRequestReply(reply.Kind, reply.Url.AbsoluteUri),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, IngressJsonContext.Default.ManualRequestDocument);
    }
}
