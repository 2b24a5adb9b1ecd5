namespace AlertProbe.ThousandEyes.Requests;

/// <summary>What an address-bearing instant-test field holds, and so how it is read and judged.</summary>
public enum InstantTestAddressKind
{
    /// <summary>An absolute http(s) URL.</summary>
    WebUrl,

    /// <summary>An absolute ftp, ftps or sftp URL.</summary>
    FtpUrl,

    /// <summary>A host name or IP address, optionally with <c>:port</c>.</summary>
    Endpoint,

    /// <summary>An IP address only (e.g. <c>dnsOverride</c>, which replaces the agent's DNS answer).</summary>
    IPAddress,

    /// <summary>A domain name to query, optionally followed by a record type (<c>example.com A</c>).</summary>
    DnsQuery,

    /// <summary>Another ThousandEyes agent, by id: not an address, but it says where the test goes.</summary>
    AgentId,

    /// <summary>Script code that may navigate anywhere: every URL written in it is judged.</summary>
    Script,
}
