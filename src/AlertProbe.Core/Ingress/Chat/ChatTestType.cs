namespace AlertProbe.Core.Ingress.Chat;

/// <summary>What a chat type name stands for.</summary>
/// <param name="Names">The words a user may type (first is the one shown in help).</param>
/// <param name="TestType">The ThousandEyes v7 instant test type.</param>
/// <param name="Target">What kind of target the type takes.</param>
public sealed record ChatTestType(IReadOnlyList<string> Names, string TestType, ChatTargetKind Target)
{
    /// <summary>
    /// The types chat offers. <c>dns</c> is dns-trace because it needs only a domain (dns-server would also need the
    /// name servers to ask). Types that need more than one target (agent-to-agent, voice, sip, ftp credentials,
    /// transaction scripts) belong in rules or manual requests, not a one-line command.
    /// </summary>
    public static IReadOnlyList<ChatTestType> All { get; } =
    [
        new(["http", "http-server", "web"], "http-server", ChatTargetKind.Url),
        new(["page", "page-load"], "page-load", ChatTargetKind.Url),
        new(["server", "tcp", "agent-to-server", "network"], "agent-to-server", ChatTargetKind.HostAndPort),
        new(["dns", "dns-trace"], "dns-trace", ChatTargetKind.Domain),
        new(["dnssec"], "dnssec", ChatTargetKind.Domain),
    ];

    public static ChatTestType? Find(string name)
    {
        foreach (var type in All)
        {
            foreach (var candidate in type.Names)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                {
                    return type;
                }
            }
        }

        return null;
    }
}

public enum ChatTargetKind
{
    /// <summary>An http(s) URL; "https://" is assumed when the scheme is left out.</summary>
    Url,

    /// <summary>A host name or IP address, optionally with ":port".</summary>
    HostAndPort,

    /// <summary>A DNS domain name.</summary>
    Domain,
}
