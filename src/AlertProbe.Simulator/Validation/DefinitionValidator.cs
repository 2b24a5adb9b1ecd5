using System.Text.Json.Nodes;
using AlertProbe.Simulator.Agents;
using AlertProbe.Simulator.Catalog;

namespace AlertProbe.Simulator.Validation;

/// <summary>
/// Required fields per type and version, as the ThousandEyes instant-test API checks them: v6 ids are
/// integers and v7 ids strings; v6 <c>dnsServers</c> are objects, v7 strings; FTP request types are
/// capitalised in v6 and lower-case in v7.
/// </summary>
internal static class DefinitionValidator
{
    public static ValidatedDefinition? Validate(ApiVersion version, TestType type, JsonObject body, FieldErrors errors)
    {
        var agents = AgentsOf(version, body, errors);
        SimulatedAgent? targetAgent = null;
        string? target = null;

        if (type == TestTypes.AgentToServer)
        {
            target = RequireString(body, "server", errors);
            CheckIcmpPort(version, body, errors);
        }
        else if (type == TestTypes.AgentToAgent || type == TestTypes.Voice)
        {
            targetAgent = AgentId(version, body["targetAgentId"], "targetAgentId", errors);
            target = targetAgent?.AgentName;
        }
        else if (type == TestTypes.HttpServer)
        {
            target = RequireString(body, "url", errors);
        }
        else if (type == TestTypes.PageLoad)
        {
            target = RequireString(body, "url", errors);
            if (version == ApiVersion.V6)
            {
                RequireInteger(body, "httpInterval", errors);
            }
        }
        else if (type == TestTypes.Transactions || type == TestTypes.WebTransactions)
        {
            target = RequireString(body, "url", errors);
            RequireString(body, "transactionScript", errors);
        }
        else if (type == TestTypes.Api)
        {
            target = RequireString(body, "url", errors);
            RequireNonEmptyArray(body, "requests", errors);
        }
        else if (type == TestTypes.FtpServer)
        {
            target = FtpTarget(version, body, errors);
        }
        else if (type == TestTypes.DnsServer)
        {
            target = RequireString(body, "domain", errors);
            CheckDnsServers(version, body, errors);
        }
        else if (type == TestTypes.DnsTrace || type == TestTypes.Dnssec)
        {
            target = RequireString(body, "domain", errors);
        }
        else if (type == TestTypes.SipServer)
        {
            target = SipTarget(version, body, errors);
        }

        return errors.Any || agents is null ? null : new ValidatedDefinition(agents, target ?? "", targetAgent);
    }

    private static List<SimulatedAgent>? AgentsOf(ApiVersion version, JsonObject body, FieldErrors errors)
    {
        if (body["agents"] is not JsonArray array)
        {
            if (body["agents"] is null) errors.Missing("agents");
            else errors.WrongType("agents", "an array of {\"agentId\": …} objects");
            return null;
        }

        if (array.Count == 0)
        {
            errors.Invalid("agents", "agents must list at least one agent.");
            return null;
        }

        var agents = new List<SimulatedAgent>();
        for (var i = 0; i < array.Count; i++)
        {
            var field = $"agents[{i}].agentId";
            var agent = array[i] is JsonObject entry ? AgentId(version, entry["agentId"], field, errors) : null;
            if (array[i] is not JsonObject)
            {
                errors.WrongType($"agents[{i}]", "an object with agentId");
            }

            if (agent is not null && agents.All(existing => existing.AgentId != agent.AgentId))
            {
                agents.Add(agent);
            }
        }

        return agents;
    }

    private static SimulatedAgent? AgentId(ApiVersion version, JsonNode? node, string field, FieldErrors errors)
    {
        if (node is null)
        {
            errors.Missing(field);
            return null;
        }

        string? id = version == ApiVersion.V6
            ? JsonFields.AsInteger(node)?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : JsonFields.AsString(node);
        if (id is null)
        {
            errors.WrongType(field, version == ApiVersion.V6 ? "an integer in v6" : "a string in v7");
            return null;
        }

        var agent = AgentCatalog.Find(id);
        if (agent is null)
        {
            errors.UnknownAgent(field, id);
        }

        return agent;
    }

    private static string? FtpTarget(ApiVersion version, JsonObject body, FieldErrors errors)
    {
        var url = RequireString(body, "url", errors);
        RequireString(body, "username", errors);
        RequireString(body, "password", errors);
        var requestType = RequireString(body, "requestType", errors);
        string[] allowed = version == ApiVersion.V6 ? ["Download", "Upload", "List"] : ["download", "upload", "list"];
        if (requestType is not null && !allowed.Contains(requestType, StringComparer.Ordinal))
        {
            errors.Invalid("requestType", $"requestType must be one of {string.Join(", ", allowed)}.");
        }

        return url;
    }

    private static void CheckDnsServers(ApiVersion version, JsonObject body, FieldErrors errors)
    {
        if (!RequireNonEmptyArray(body, "dnsServers", errors))
        {
            return;
        }

        var servers = (JsonArray)body["dnsServers"]!;
        for (var i = 0; i < servers.Count; i++)
        {
            var valid = version == ApiVersion.V6
                ? servers[i] is JsonObject server && JsonFields.IsNonEmptyString(server["serverName"])
                : JsonFields.IsNonEmptyString(servers[i]);
            if (!valid)
            {
                errors.WrongType($"dnsServers[{i}]", version == ApiVersion.V6 ? "an object {\"serverName\": …} in v6" : "a server name string in v7");
            }
        }
    }

    private static string? SipTarget(ApiVersion version, JsonObject body, FieldErrors errors)
    {
        if (body["targetSipCredentials"] is not JsonObject credentials)
        {
            errors.Missing("targetSipCredentials");
            return null;
        }

        // v6 documents port and sipRegistrar both at the top level and in the credentials; either place satisfies it.
        if (JsonFields.AsInteger(credentials["port"]) is null && (version == ApiVersion.V7 || JsonFields.AsInteger(body["port"]) is null))
        {
            errors.Missing("targetSipCredentials.port");
        }

        var registrar = JsonFields.AsString(credentials["sipRegistrar"]) ?? JsonFields.AsString(body["sipRegistrar"]);
        if (version == ApiVersion.V6 && string.IsNullOrWhiteSpace(registrar))
        {
            errors.Missing("targetSipCredentials.sipRegistrar");
        }

        return registrar;
    }

    private static void CheckIcmpPort(ApiVersion version, JsonObject body, FieldErrors errors)
    {
        var protocol = JsonFields.AsString(body["protocol"]);
        if (version == ApiVersion.V6 && string.Equals(protocol, "ICMP", StringComparison.OrdinalIgnoreCase) && body["port"] is not null)
        {
            errors.Invalid("port", "port cannot be used with the ICMP protocol.");
        }
    }

    private static string? RequireString(JsonObject body, string field, FieldErrors errors)
    {
        var node = body[field];
        if (node is null)
        {
            errors.Missing(field);
            return null;
        }

        var value = JsonFields.AsString(node);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.WrongType(field, "a non-empty string");
            return null;
        }

        return value;
    }

    private static void RequireInteger(JsonObject body, string field, FieldErrors errors)
    {
        if (body[field] is null) errors.Missing(field);
        else if (JsonFields.AsInteger(body[field]) is null) errors.WrongType(field, "an integer");
    }

    private static bool RequireNonEmptyArray(JsonObject body, string field, FieldErrors errors)
    {
        switch (body[field])
        {
            case null:
                errors.Missing(field);
                return false;
            case JsonArray { Count: > 0 }:
                return true;
            default:
                errors.Invalid(field, $"{field} must be a non-empty array.");
                return false;
        }
    }
}
