namespace AlertProbe.Core.Planning;

/// <summary>What the main target of an instant test type is, and so which field holds it.</summary>
public enum TestTargetKind
{
    /// <summary>A URL in <c>url</c> (http-server, page-load, web-transactions, api, ftp-server, transactions).</summary>
    Url,

    /// <summary>A host or host:port in <c>server</c> (agent-to-server).</summary>
    Server,

    /// <summary>A domain (optionally followed by a record type) in <c>domain</c> (dns-server, dns-trace, dnssec).</summary>
    Domain,

    /// <summary>Another ThousandEyes agent in <c>targetAgentId</c> (agent-to-agent, voice).</summary>
    Agent,

    /// <summary>A SIP registrar in <c>targetSipCredentials.sipRegistrar</c> (sip-server).</summary>
    SipRegistrar,
}
