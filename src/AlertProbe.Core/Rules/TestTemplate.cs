using AlertProbe.Core.Planning;
using AlertProbe.Core.Rules.Templates;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.Core.Rules;

/// <summary>One entry of a rule's <c>tests</c>: the test type, its templated fields, agents and name.</summary>
public sealed record TestTemplate
{
    public required InstantTestType Type { get; init; }

    /// <summary>The request fields in the order written (url, server, domain, protocol, port, dnsServers…), agents excluded.</summary>
    public required IReadOnlyList<KeyValuePair<string, FieldTemplate>> Fields { get; init; }

    /// <summary>Agents: the test's own, else the rule set's defaults.</summary>
    public required AgentSelector Agents { get; init; }

    /// <summary>The test name template; null leaves naming to the caller.</summary>
    public Template? Name { get; init; }
}
