namespace AlertProbe.Simulator.Catalog;

/// <summary>
/// One kind of test data and where each API version serves it. v6 wraps results as
/// <c>{ "{V6Area}": { "test": …, "{V6Key}": [ … ] } }</c> under <c>/v6/{V6Path}/{id}</c>;
/// v7 serves <c>/v7/test-results/{id}/{V7Segment}</c>. A null path means that version has no such data.
/// The v6 list keys are the documented ones (v6 docs Test Data examples: voice data is "sipMetrics" and "metrics").
/// </summary>
public sealed record ResultFamily(string Name, string? V6Path, string V6Area, string V6Key, string? V7Segment)
{
    public static ResultFamily Network { get; } = new("network", "net/metrics", "net", "metrics", "network");
    public static ResultFamily PathVis { get; } = new("path-vis", "net/path-vis", "net", "pathVis", "path-vis");
    public static ResultFamily HttpServer { get; } = new("http-server", "web/http-server", "web", "httpServer", "http-server");
    public static ResultFamily PageLoad { get; } = new("page-load", "web/page-load", "web", "pageLoad", "page-load");
    public static ResultFamily WebTransactions { get; } = new("web-transactions", "web/web-transactions", "web", "webTransaction", "web-transactions");
    public static ResultFamily Transactions { get; } = new("transactions", "web/transactions", "web", "transaction", null);
    public static ResultFamily Api { get; } = new("api", null, "web", "api", "api");
    public static ResultFamily FtpServer { get; } = new("ftp-server", "web/ftp-server", "web", "ftpServer", "ftp-server");
    public static ResultFamily DnsTrace { get; } = new("dns-trace", "dns/trace", "dns", "trace", "dns-trace");
    public static ResultFamily DnsServer { get; } = new("dns-server", "dns/server", "dns", "server", "dns-server");
    public static ResultFamily Dnssec { get; } = new("dnssec", "dns/dnssec", "dns", "dnssec", "dnssec");
    public static ResultFamily SipServer { get; } = new("sip-server", "voice/sip-server", "voice", "sipMetrics", "sip-server");
    public static ResultFamily RtpStream { get; } = new("rtp-stream", "voice/rtp-stream", "voice", "metrics", "rtp-server");

    public static IReadOnlyList<ResultFamily> All { get; } =
    [
        Network, PathVis, HttpServer, PageLoad, WebTransactions, Transactions, Api, FtpServer,
        DnsTrace, DnsServer, Dnssec, SipServer, RtpStream,
    ];

    public string? PathFor(ApiVersion version) => version == ApiVersion.V6 ? V6Path : V7Segment;
}
