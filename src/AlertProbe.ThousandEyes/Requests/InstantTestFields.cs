using System.Collections.Frozen;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>Field names and value sets the validator and the serialisers share.</summary>
internal static class InstantTestFields
{
    public const string AgentsField = "agents";
    public const string AgentId = "agentId";
    public const string SourceIpAddress = "sourceIpAddress";
    public const string TestName = "testName";
    public const string Url = "url";
    public const string Server = "server";
    public const string Domain = "domain";
    public const string Protocol = "protocol";
    public const string Port = "port";
    public const string ProbeMode = "probeMode";
    public const string NumPathTraces = "numPathTraces";
    public const string DnsServers = "dnsServers";
    public const string ServerName = "serverName";
    public const string TargetAgentId = "targetAgentId";
    public const string RequestType = "requestType";
    public const string Username = "username";
    public const string Password = "password";
    public const string TransactionScript = "transactionScript";
    public const string ApiRequests = "requests";
    public const string HttpInterval = "httpInterval";
    public const string TargetSipCredentials = "targetSipCredentials";
    public const string SipRegistrar = "sipRegistrar";

    /// <summary>Accepted but ignored by the instant API: never sent, reported as dropped.</summary>
    public static FrozenSet<string> IgnoredByInstantApi { get; } =
        FrozenSet.ToFrozenSet(["interval", "subinterval", "alertsEnabled", "alertRules", "bgpMeasurements", "bgpMonitors"], StringComparer.Ordinal);

    /// <summary>Fields that are whole numbers in some version (v7 writes dscpId, codecId and sslVersionId as digit strings).</summary>
    public static FrozenSet<string> Integers => InstantTestFieldCatalog.NumericFieldNames;

    /// <summary>Types whose url is a web address that must be absolute http(s).</summary>
    public static FrozenSet<string> WebUrlTypes { get; } =
        FrozenSet.ToFrozenSet(["http-server", "page-load", "transactions", "web-transactions", "api"], StringComparer.Ordinal);
}
