namespace AlertProbe.Core.Ingress.Chat;

/// <summary>The help text shown for <c>help</c> and after every parse error.</summary>
public static class ChatUsage
{
    /// <param name="invocation">How the user calls AlertProbe: "/alertprobe" in Slack, "@AlertProbe" in Teams.</param>
    public static string Text(string invocation) =>
        $"""
        Usage: {invocation} <type> <target> [from <n> agents] [in <country>[,<country>…]] [label <label>] [rerun <n> every <duration>]
        Types: http (http-server, URL), page (page-load, URL), server|tcp (agent-to-server, host[:port]), dns (dns-trace, domain), dnssec (domain)
        Examples:
          {invocation} http https://shop.example.com from 3 agents in US,DE
          {invocation} server db.example.com:5432
          {invocation} dns example.com rerun 2 every 5m
        Limits: 1–{ChatCommandParser.MaxAgents} agents, 1–{ChatCommandParser.MaxReruns} reruns, every {ChatDuration.Format(ChatCommandParser.MinRerunInterval)}–{ChatDuration.Format(ChatCommandParser.MaxRerunInterval)}.
        """;
}
