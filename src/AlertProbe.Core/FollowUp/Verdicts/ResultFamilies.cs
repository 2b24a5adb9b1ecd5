using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// Which result families decide a verdict for a test type: the type's own family (HTTP, DNS, SIP, …) first, then
/// end-to-end network metrics where the type has them. A page-load test also reads its HTTP rows: page-load rows carry
/// no response code nor error fields (v6 docs and the v7 schema alike), so an HTTP failure is only seen there.
/// Path visualisation is a link for a human, not an input.
/// </summary>
public static class ResultFamilies
{
    private static readonly Dictionary<string, TestResultFamily?> OwnFamily = new(StringComparer.OrdinalIgnoreCase)
    {
        ["agent-to-server"] = null,
        ["agent-to-agent"] = null,
        ["http-server"] = TestResultFamily.HttpServer,
        ["page-load"] = TestResultFamily.PageLoad,
        ["transactions"] = TestResultFamily.Transactions,
        ["web-transactions"] = TestResultFamily.WebTransactions,
        ["api"] = TestResultFamily.Api,
        ["ftp-server"] = TestResultFamily.FtpServer,
        ["dns-server"] = TestResultFamily.DnsServer,
        ["dns-trace"] = TestResultFamily.DnsTrace,
        ["dns-dnssec"] = TestResultFamily.Dnssec,
        ["dnssec"] = TestResultFamily.Dnssec,
        ["sip-server"] = TestResultFamily.SipServer,
        ["voice"] = TestResultFamily.Rtp,
    };

    // Types whose results have no network family (DNS trace/DNSSEC and API tests measure no path).
    private static readonly HashSet<string> WithoutNetwork = new(StringComparer.OrdinalIgnoreCase) { "dns-trace", "dns-dnssec", "dnssec", "api" };

    /// <summary>The families to read for <paramref name="testType"/>, most telling first; empty for an unknown type.</summary>
    public static IReadOnlyList<TestResultFamily> For(string testType)
    {
        ArgumentNullException.ThrowIfNull(testType);
        if (!OwnFamily.TryGetValue(testType, out var own))
        {
            return [];
        }

        var families = new List<TestResultFamily>(3);
        if (own is not null)
        {
            families.Add(own);
        }

        if (own == TestResultFamily.PageLoad)
        {
            families.Add(TestResultFamily.HttpServer);
        }

        if (!WithoutNetwork.Contains(testType))
        {
            families.Add(TestResultFamily.Network);
        }

        return families;
    }
}
