namespace AlertProbe.Simulator.Catalog;

/// <summary>The instant-test types of v6 and v7 (bgp is deliberately absent: it has no instant test).</summary>
public static class TestTypes
{
    private static readonly ResultFamily[] Net = [ResultFamily.Network, ResultFamily.PathVis];

    public static TestType AgentToServer { get; } = new("agent-to-server", "agent-to-server", Net);
    public static TestType AgentToAgent { get; } = new("agent-to-agent", "agent-to-agent", Net);
    public static TestType HttpServer { get; } = new("http-server", "http-server", [ResultFamily.HttpServer, .. Net]);
    public static TestType PageLoad { get; } = new("page-load", "page-load", [ResultFamily.PageLoad, ResultFamily.HttpServer, .. Net]);
    public static TestType Transactions { get; } = new("transactions", null, [ResultFamily.Transactions, .. Net]);
    public static TestType WebTransactions { get; } = new("web-transactions", "web-transactions", [ResultFamily.WebTransactions, .. Net]);
    public static TestType Api { get; } = new(null, "api", [ResultFamily.Api]);
    public static TestType FtpServer { get; } = new("ftp-server", "ftp-server", [ResultFamily.FtpServer, .. Net]);
    public static TestType DnsServer { get; } = new("dns-server", "dns-server", [ResultFamily.DnsServer, .. Net]);
    public static TestType DnsTrace { get; } = new("dns-trace", "dns-trace", [ResultFamily.DnsTrace]);
    public static TestType Dnssec { get; } = new("dns-dnssec", "dnssec", [ResultFamily.Dnssec]);
    public static TestType SipServer { get; } = new("sip-server", "sip-server", [ResultFamily.SipServer, .. Net]);
    public static TestType Voice { get; } = new("voice", "voice", [ResultFamily.RtpStream, .. Net]);

    public static IReadOnlyList<TestType> All { get; } =
    [
        AgentToServer, AgentToAgent, HttpServer, PageLoad, Transactions, WebTransactions, Api,
        FtpServer, DnsServer, DnsTrace, Dnssec, SipServer, Voice,
    ];

    public static TestType? Find(ApiVersion version, string name) =>
        All.FirstOrDefault(type => string.Equals(type.NameFor(version), name, StringComparison.Ordinal));
}
