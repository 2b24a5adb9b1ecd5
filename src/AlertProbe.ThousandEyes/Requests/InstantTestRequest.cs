using System.Text.Json.Nodes;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// A version-neutral instant test request. <see cref="Fields"/> holds the type-specific fields named as the API
/// names them (url, server, domain, protocol, port, dnsServers, targetAgentId, requestType, …); the per-version
/// serialisers convert ids, enum case, booleans and shapes. The request is never mutated by the client.
/// </summary>
public sealed record InstantTestRequest
{
    public required InstantTestType Type { get; init; }

    public required IReadOnlyList<InstantTestAgent> Agents { get; init; }

    /// <summary>Type-specific fields, agents excluded.</summary>
    public JsonObject Fields { get; init; } = [];

    /// <summary>Optional test name; ThousandEyes requires names to be unique in the account.</summary>
    public string? TestName { get; init; }

    /// <summary>The account group (aid); null for <c>ThousandEyes:AccountGroupId</c>.</summary>
    public string? AccountGroupId { get; init; }

    /// <summary>Builds a request from what the rule engine produces: a type name of either version, fields and agent ids.</summary>
    public static InstantTestRequest Create(
        string testType,
        JsonObject fields,
        IEnumerable<string> agentIds,
        string? testName = null,
        string? accountGroupId = null)
    {
        ArgumentNullException.ThrowIfNull(testType);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(agentIds);
        return new InstantTestRequest
        {
            Type = InstantTestType.Parse(testType),
            Agents = [.. agentIds.Select(id => new InstantTestAgent(id))],
            Fields = fields,
            TestName = testName,
            AccountGroupId = accountGroupId,
        };
    }
}
