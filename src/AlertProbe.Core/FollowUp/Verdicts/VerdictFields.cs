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
    private static readonly string[] Network = ["loss", "avgLatency", "minLatency", "maxLatency", "jitter"];
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

        // v7 rows link to the app through _links.appLink (Test_Results_API_TestResultAppLinks); v6 rows carry permalink.
        void Both(TestResultFamily family, FamilyFields fields)
        {
            table[(family.Name, ThousandEyesApiVersion.V6)] = fields with { Link = "permalink" };
            table[(family.Name, ThousandEyesApiVersion.V7)] = fields with { Link = "_links" };
        }

        void Only(TestResultFamily family, ThousandEyesApiVersion version, FamilyFields fields) =>
            table[(family.Name, version)] = fields with { Link = version == ThousandEyesApiVersion.V6 ? "permalink" : "_links" };

        // direction: v7 network rows of agent-to-agent tests (Test_Results_API_TestDirection); v6 network rows have none.
        Only(TestResultFamily.Network, ThousandEyesApiVersion.V6, new() { Measurements = Network, Attributes = ["serverIp"] });
        Only(TestResultFamily.Network, ThousandEyesApiVersion.V7, new() { Measurements = Network, Attributes = ["serverIp", "direction"] });
        Both(TestResultFamily.HttpServer, new() { Measurements = Http, Phase = "errorType", Detail = "errorDetails", Attributes = ["serverIp"] });

        // Page-load rows carry no response code nor error fields in either version: HTTP failures come from the
        // test's http-server rows (ResultFamilies reads both).
        Both(TestResultFamily.PageLoad, new() { Measurements = ["responseTime", "domLoadTime", "pageLoadTime", "numObjects", "numErrors", "totalSize"] });
        Both(TestResultFamily.WebTransactions, new() { Measurements = ["transactionTime", "componentErrors"], Phase = "errorType", Detail = "errorDetails" });
        Only(TestResultFamily.Transactions, ThousandEyesApiVersion.V6, new() { Measurements = ["stepsCompleted", "totalSteps", "transactionTime", "componentErrors"] });
        Only(TestResultFamily.Api, ThousandEyesApiVersion.V7, new() { Measurements = ["completion", "apiTransactionTime"], Phase = "errorType", Detail = "errorDetails" });

        // v6 FTP rows have no throughput (v6 docs); v7 rows do.
        Only(TestResultFamily.FtpServer, ThousandEyesApiVersion.V6, new() { Measurements = FtpV6, Phase = "errorType", Detail = "errorDetails", Attributes = ["serverIp"] });
        Only(TestResultFamily.FtpServer, ThousandEyesApiVersion.V7, new() { Measurements = [.. FtpV6, "throughput"], Phase = "errorType", Detail = "errorDetails", Attributes = ["serverIp"] });

        // DNS rows name no failed phase; an error shows as errorDetails (v6 sends "" on success). dns-server rows are
        // per (agent, server): server keys them, mappings is the answer compared with a rule's expected answers.
        Both(TestResultFamily.DnsServer, new() { Measurements = ["resolutionTime"], Detail = "errorDetails", Attributes = ["server", "mappings"] });
        Both(TestResultFamily.DnsTrace, new() { Measurements = ["queries", "failedQueries", "finalQueryTime"], Detail = "errorDetails", Attributes = ["mappings"] });
        Only(TestResultFamily.Dnssec, ThousandEyesApiVersion.V6, new() { Measurements = ["valid"], Detail = "errorDetails" });
        Only(TestResultFamily.Dnssec, ThousandEyesApiVersion.V7, new() { Measurements = ["isValid"], Detail = "errorDetails" });

        // v6 SIP rows have no optionsTime (v6 docs); v7 rows do.
        Only(TestResultFamily.SipServer, ThousandEyesApiVersion.V6, new() { Measurements = SipV6, Phase = "errorType", Detail = "problemDetail", Attributes = ["serverIp"] });
        Only(TestResultFamily.SipServer, ThousandEyesApiVersion.V7, new() { Measurements = [.. SipV6, "optionsTime"], Phase = "errorType", Detail = "problemDetail", Attributes = ["serverIp"] });
        Both(TestResultFamily.Rtp, new() { Measurements = ["loss", "mos", "latency", "pdv", "discards"], Detail = "errorDetail", Attributes = ["serverIp"] });
        return table;
    }
}
