using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// What the verdict engine reads, per result family and API version: the one list the engine's reads are checked
/// against (an undeclared read throws), and the list the contract tests compare with the vendor's row fields
/// (v7 Test Results API schemas <c>Test_Results_API_*TestResult</c>; v6 developer docs, Test Data pages).
/// </summary>
public static class VerdictFields
{
    private static readonly string[] Http = ["responseCode", "dnsTime", "connectTime", "sslTime", "waitTime", "receiveTime", "responseTime", "totalTime", "wireSize", "throughput"];
    private static readonly string[] FtpV6 = ["responseCode", "dnsTime", "connectTime", "negotiationTime", "waitTime", "responseTime", "transferTime", "totalTime", "wireSize"];
    private static readonly string[] SipV6 = ["availability", "responseCode", "dnsTime", "connectTime", "registerTime", "inviteTime", "responseTime", "totalTime"];

    private static readonly Dictionary<(string Family, ThousandEyesApiVersion Version), FamilyFields> Table = Build();

    /// <summary>Every (family, version) the engine judges, with its fields; path visualisation is not judged.</summary>
    public static IEnumerable<(TestResultFamily Family, ThousandEyesApiVersion Version, FamilyFields Fields)> All =>
        Table.Select(entry => (TestResultFamily.Find(entry.Key.Family)!, entry.Key.Version, entry.Value));

    /// <summary>The fields read for <paramref name="family"/> in <paramref name="version"/>; null when the engine does not judge it.</summary>
    public static FamilyFields? For(TestResultFamily family, ThousandEyesApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(family);
        return Table.GetValueOrDefault((family.Name, version));
    }

    private static Dictionary<(string, ThousandEyesApiVersion), FamilyFields> Build()
    {
        var table = new Dictionary<(string, ThousandEyesApiVersion), FamilyFields>();
        void Both(TestResultFamily family, FamilyFields fields)
        {
            table[(family.Name, ThousandEyesApiVersion.V6)] = fields;
            table[(family.Name, ThousandEyesApiVersion.V7)] = fields;
        }

        Both(TestResultFamily.Network, new() { Measurements = ["loss", "avgLatency", "minLatency", "maxLatency", "jitter"] });
        Both(TestResultFamily.HttpServer, new() { Measurements = Http, Phase = "errorType", Detail = "errorDetails" });

        // Page-load rows carry no response code nor error fields in either version: HTTP failures come from the
        // test's http-server rows (ResultFamilies reads both).
        Both(TestResultFamily.PageLoad, new() { Measurements = ["responseTime", "domLoadTime", "pageLoadTime", "numObjects", "numErrors", "totalSize"] });
        Both(TestResultFamily.WebTransactions, new() { Measurements = ["transactionTime", "componentErrors"], Phase = "errorType", Detail = "errorDetails" });
        table[(TestResultFamily.Transactions.Name, ThousandEyesApiVersion.V6)] =
            new() { Measurements = ["stepsCompleted", "totalSteps", "transactionTime", "componentErrors"] };
        table[(TestResultFamily.Api.Name, ThousandEyesApiVersion.V7)] =
            new() { Measurements = ["completion", "apiTransactionTime"], Phase = "errorType", Detail = "errorDetails" };

        // v6 FTP rows have no throughput (v6 docs); v7 rows do.
        table[(TestResultFamily.FtpServer.Name, ThousandEyesApiVersion.V6)] = new() { Measurements = FtpV6, Phase = "errorType", Detail = "errorDetails" };
        table[(TestResultFamily.FtpServer.Name, ThousandEyesApiVersion.V7)] = new() { Measurements = [.. FtpV6, "throughput"], Phase = "errorType", Detail = "errorDetails" };

        // DNS rows name no failed phase; an error shows as errorDetails (v6 sends "" on success).
        Both(TestResultFamily.DnsServer, new() { Measurements = ["resolutionTime"], Detail = "errorDetails" });
        Both(TestResultFamily.DnsTrace, new() { Measurements = ["queries", "failedQueries", "finalQueryTime"], Detail = "errorDetails" });
        table[(TestResultFamily.Dnssec.Name, ThousandEyesApiVersion.V6)] = new() { Measurements = ["valid"], Detail = "errorDetails" };
        table[(TestResultFamily.Dnssec.Name, ThousandEyesApiVersion.V7)] = new() { Measurements = ["isValid"], Detail = "errorDetails" };

        // v6 SIP rows have no optionsTime (v6 docs); v7 rows do.
        table[(TestResultFamily.SipServer.Name, ThousandEyesApiVersion.V6)] = new() { Measurements = SipV6, Phase = "errorType", Detail = "problemDetail" };
        table[(TestResultFamily.SipServer.Name, ThousandEyesApiVersion.V7)] = new() { Measurements = [.. SipV6, "optionsTime"], Phase = "errorType", Detail = "problemDetail" };
        Both(TestResultFamily.Rtp, new() { Measurements = ["loss", "mos", "latency", "pdv", "discards"], Detail = "errorDetail" });
        return table;
    }
}
