using System.Text.Json.Serialization;

namespace AlertProbe.ThousandEyes.Results;

/// <summary>
/// A family of test results with its path in each API version (v6 <c>/v6/net/metrics/{id}</c>,
/// v7 <c>/v7/test-results/{id}/network</c>).
/// </summary>
[JsonConverter(typeof(TestResultFamilyJsonConverter))]
public sealed class TestResultFamily : IEquatable<TestResultFamily>
{
    private TestResultFamily(string name, string? v6Path, string? v7Segment)
    {
        Name = name;
        V6Path = v6Path;
        V7Segment = v7Segment;
    }

    /// <summary>End-to-end network metrics (loss, latency, jitter).</summary>
    public static TestResultFamily Network { get; } = new("network", "net/metrics", "network");

    /// <summary>Path visualisation: <c>path-vis</c> in both versions (v7 spec and SDK); "pathvis" is only endpoint-agent data.</summary>
    public static TestResultFamily PathVis { get; } = new("path-vis", "net/path-vis", "path-vis");

    public static TestResultFamily HttpServer { get; } = new("http-server", "web/http-server", "http-server");

    public static TestResultFamily PageLoad { get; } = new("page-load", "web/page-load", "page-load");

    public static TestResultFamily WebTransactions { get; } = new("web-transactions", "web/web-transactions", "web-transactions");

    /// <summary>v6 only: results of (classic) transaction tests.</summary>
    public static TestResultFamily Transactions { get; } = new("transactions", "web/transactions", null);

    /// <summary>v7 only.</summary>
    public static TestResultFamily Api { get; } = new("api", null, "api");

    public static TestResultFamily FtpServer { get; } = new("ftp-server", "web/ftp-server", "ftp-server");

    public static TestResultFamily DnsTrace { get; } = new("dns-trace", "dns/trace", "dns-trace");

    public static TestResultFamily DnsServer { get; } = new("dns-server", "dns/server", "dns-server");

    public static TestResultFamily Dnssec { get; } = new("dnssec", "dns/dnssec", "dnssec");

    public static TestResultFamily SipServer { get; } = new("sip-server", "voice/sip-server", "sip-server");

    /// <summary>Voice (RTP): v6 <c>voice/rtp-stream</c>, v7 <c>rtp-server</c>.</summary>
    public static TestResultFamily Rtp { get; } = new("rtp-server", "voice/rtp-stream", "rtp-server");

    public static IReadOnlyList<TestResultFamily> All { get; } =
        [Network, PathVis, HttpServer, PageLoad, WebTransactions, Transactions, Api, FtpServer, DnsTrace, DnsServer, Dnssec, SipServer, Rtp];

    /// <summary>The canonical (v7) name.</summary>
    public string Name { get; }

    /// <summary>The v6 path under <c>/v6/</c> before the test id, or null when v6 has none.</summary>
    public string? V6Path { get; }

    /// <summary>The v7 segment after <c>/v7/test-results/{id}/</c>, or null when v7 has none.</summary>
    public string? V7Segment { get; }

    /// <summary>Finds a family by its canonical name, v7 segment or v6 path ("net/metrics", "rtp-stream").</summary>
    public static TestResultFamily? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().Trim('/').ToLowerInvariant();

        return All.FirstOrDefault(f => f.Name == key || f.V7Segment == key || f.V6Path == key || f.V6Path?.Split('/')[1] == key);
    }

    public bool IsAvailableIn(ThousandEyesApiVersion version) =>
        (version == ThousandEyesApiVersion.V6 ? V6Path : V7Segment) is not null;

    /// <summary>The results path of <paramref name="testId"/> relative to the base URL.</summary>
    public string PathFor(string testId, ThousandEyesApiVersion version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(testId);
        var id = Uri.EscapeDataString(testId.Trim());
        return version == ThousandEyesApiVersion.V6
            ? $"v6/{V6Path ?? throw new ArgumentException($"{Name} results are not available in API v6.", nameof(version))}/{id}"
            : $"v7/test-results/{id}/{V7Segment ?? throw new ArgumentException($"{Name} results are not available in API v7.", nameof(version))}";
    }

    public bool Equals(TestResultFamily? other) => other is not null && other.Name == Name;

    public override bool Equals(object? obj) => Equals(obj as TestResultFamily);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    public override string ToString() => Name;

    public static bool operator ==(TestResultFamily? left, TestResultFamily? right) => Equals(left, right);

    public static bool operator !=(TestResultFamily? left, TestResultFamily? right) => !Equals(left, right);
}
