using System.Text.Json.Nodes;
using static AlertProbe.ThousandEyes.Requests.InstantTestFields;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// Checks an <see cref="InstantTestRequest"/> against one API version before any HTTP call, reporting every
/// problem at once, each naming its field. Field values never appear in messages (a password could).
/// </summary>
public static class InstantTestRequestValidator
{
    public static InstantTestValidation Validate(InstantTestRequest request, ThousandEyesApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<ValidationProblem>();
        var dropped = new List<string>();

        var typeUsable = ValidateType(request.Type, version, problems);
        ValidateAgents(request.Agents, version, problems);

        foreach (var (name, _) in request.Fields)
        {
            if (IgnoredByInstantApi.Contains(name))
            {
                dropped.Add(name);
            }
            else if (name == AgentsField)
            {
                problems.Add(new(AgentsField, "agents must be given as the request's agent list, not as a field"));
            }
        }

        if (typeUsable)
        {
            var context = new Context(request.Type, request.Type.NameIn(version)!, version, request.Fields, problems);
            ValidateRequired(context);
            ValidateValues(context);
        }

        return new InstantTestValidation { ApiVersion = version, Problems = problems, DroppedFields = dropped };
    }

    private static bool ValidateType(InstantTestType type, ThousandEyesApiVersion version, List<ValidationProblem> problems)
    {
        if (!type.IsKnown)
        {
            // bgp's refusal is the catalogue's own; other unknown names get the list this version offers.
            var message = type.Name == "bgp"
                ? $"testType {type.UnknownReason}"
                : $"testType '{type.Name}' is unknown; supported for API {VersionName(version)}: {SupportedList(version)}";
            problems.Add(new("testType", message));
            return false;
        }

        if (!type.IsAvailableIn(version))
        {
            var hint = type == InstantTestType.Transactions ? "; use web-transactions" : string.Empty;
            problems.Add(new("testType", $"testType {type.Name} is not available as an instant test in API {VersionName(version)}{hint}; supported: {SupportedList(version)}"));
            return false;
        }

        return true;
    }

    private static void ValidateAgents(IReadOnlyList<InstantTestAgent>? agents, ThousandEyesApiVersion version, List<ValidationProblem> problems)
    {
        if (agents is null || agents.Count == 0)
        {
            problems.Add(new(AgentsField, "agents must name at least one agent"));
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < agents.Count; i++)
        {
            var field = $"agents[{i}].agentId";
            var id = agents[i]?.AgentId;
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new(field, $"{field} is required"));
                continue;
            }

            if (version == ThousandEyesApiVersion.V6 && !IsPositiveInteger(id))
            {
                problems.Add(new(field, $"{field} must be an integer for API v6"));
            }

            if (!seen.TryAdd(id.Trim(), i))
            {
                problems.Add(new(field, $"{field} repeats agents[{seen[id.Trim()]}]"));
            }
        }
    }

    private static void ValidateRequired(Context c)
    {
        foreach (var field in c.Type.RequiredFieldsIn(c.Version))
        {
            if (c.Require(field) && field == TargetSipCredentials)
            {
                if (c.Fields[TargetSipCredentials] is JsonObject credentials)
                {
                    // v6 also wants port and sipRegistrar at the top level: the v6 serialiser copies them from here.
                    c.RequireIn(credentials, TargetSipCredentials, Port);
                    c.RequireIn(credentials, TargetSipCredentials, SipRegistrar);
                }
                else
                {
                    c.Problem(TargetSipCredentials, "targetSipCredentials must be an object");
                }
            }
        }
    }

    private static void ValidateValues(Context c)
    {
        var fields = c.Fields;
        var v6 = c.Version == ThousandEyesApiVersion.V6;

        ValidatePort(c, fields[Port], Port);
        if (fields[TargetSipCredentials] is JsonObject sip)
        {
            ValidatePort(c, sip[Port], $"{TargetSipCredentials}.{Port}");
            ValidateEnum(c, sip[Protocol], $"{TargetSipCredentials}.{Protocol}", SipProtocols, v6);
        }

        if (JsonFieldValues.IsPresent(fields[Protocol]) && c.Type.Name is "agent-to-server" or "agent-to-agent")
        {
            IReadOnlyList<string> allowed = (c.Type.Name, v6) switch
            {
                ("agent-to-server", true) => ["tcp", "icmp"],
                ("agent-to-server", false) => ["tcp", "icmp", "udp"],
                _ => ["tcp", "udp"],
            };
            if (ValidateEnum(c, fields[Protocol], Protocol, allowed, v6) is "icmp" && fields[Port] is not null)
            {
                c.Problem(Port, "port cannot be used with protocol ICMP (ICMP has no ports)");
            }
        }

        if (!v6 && c.Type == InstantTestType.AgentToServer)
        {
            ValidateServerPort(c, fields);
        }

        ValidateEnum(c, fields[ProbeMode], ProbeMode, ProbeModes, v6);

        if (fields[NumPathTraces] is { } traces && !(JsonFieldValues.TryGetInteger(traces, out var count) && count is >= 3 and <= 10))
        {
            c.Problem(NumPathTraces, "numPathTraces must be an integer between 3 and 10");
        }

        if (fields[HttpInterval] is { } interval && !(JsonFieldValues.TryGetInteger(interval, out var seconds) && seconds > 0))
        {
            c.Problem(HttpInterval, "httpInterval must be a positive integer");
        }

        if (WebUrlTypes.Contains(c.Type.Name) && JsonFieldValues.IsPresent(fields[Url]) && !IsAbsoluteHttpUrl(fields[Url]))
        {
            c.Problem(Url, $"url must be an absolute http or https URL for {c.TypeName}");
        }

        if (c.Type.Name is "agent-to-agent" or "voice" && JsonFieldValues.IsPresent(fields[TargetAgentId]) && v6 && !IsPositiveInteger(fields[TargetAgentId]))
        {
            c.Problem(TargetAgentId, "targetAgentId must be an integer for API v6");
        }

        if (c.Type.Name == "ftp-server")
        {
            ValidateEnum(c, fields[RequestType], RequestType, FtpRequestTypes, v6);
        }

        if (c.Type.Name == "dns-server" && fields[DnsServers] is { } servers)
        {
            ValidateDnsServers(c, servers);
        }

        if (c.Type.Name == "api" && fields[ApiRequests] is { } requests && requests is not JsonArray { Count: > 0 })
        {
            c.Problem(ApiRequests, "requests must be a non-empty array of API requests");
        }

        foreach (var (name, value) in fields)
        {
            if (Booleans.Contains(name) && value is not null && !JsonFieldValues.TryGetBoolean(value, out _))
            {
                c.Problem(name, $"{name} must be a boolean (true/false or 1/0)");
            }
        }
    }

    // v7 carries the port in server ("host:port"); a separate port may only repeat it.
    private static void ValidateServerPort(Context c, JsonObject fields)
    {
        if (!JsonFieldValues.TryGetString(fields[Server], out var server) || string.IsNullOrWhiteSpace(server))
        {
            return;
        }

        if (!ServerAddress.TryParse(server, out var address))
        {
            c.Problem(Server, "server must be a host or host:port with a port between 1 and 65535");
        }
        else if (address.Port is { } inServer && JsonFieldValues.TryGetInteger(fields[Port], out var port) && port != inServer)
        {
            c.Problem(Port, "port disagrees with the port in server (v7 sends the port as part of server, host:port)");
        }
    }

    private static void ValidatePort(Context c, JsonNode? port, string field)
    {
        if (port is not null && !(JsonFieldValues.TryGetInteger(port, out var number) && number is >= 1 and <= 65535))
        {
            c.Problem(field, $"{field} must be an integer between 1 and 65535");
        }
    }

    /// <summary>Checks a case-insensitive enum value; returns it lower-case when valid.</summary>
    private static string? ValidateEnum(Context c, JsonNode? node, string field, IReadOnlyList<string> allowed, bool v6)
    {
        if (node is null)
        {
            return null;
        }

        if (JsonFieldValues.TryGetString(node, out var text) && allowed.Contains(text.Trim().ToLowerInvariant()))
        {
            return text.Trim().ToLowerInvariant();
        }

        var shown = allowed.Select(a => v6 ? InstantTestSerializer.V6EnumValue(field, a) : a);
        c.Problem(field, $"{field} must be one of {string.Join(", ", shown)} for {c.TypeName} on API {VersionName(c.Version)}");
        return null;
    }

    private static void ValidateDnsServers(Context c, JsonNode servers)
    {
        if (servers is not JsonArray { Count: > 0 } list)
        {
            c.Problem(DnsServers, "dnsServers must be a non-empty list of DNS server names");
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (InstantTestSerializer.DnsServerName(list[i]) is null)
            {
                c.Problem($"{DnsServers}[{i}]", $"{DnsServers}[{i}] must be a server name or an object with serverName");
            }
        }
    }

    private static bool IsAbsoluteHttpUrl(JsonNode? node) =>
        JsonFieldValues.TryGetString(node, out var text)
        && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static bool IsPositiveInteger(string text) =>
        long.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0;

    private static bool IsPositiveInteger(JsonNode? node) => JsonFieldValues.TryGetInteger(node, out var id) && id > 0;

    private static string SupportedList(ThousandEyesApiVersion version) =>
        string.Join(", ", InstantTestType.AvailableIn(version).Select(t => t.NameIn(version)));

    internal static string VersionName(ThousandEyesApiVersion version) => version == ThousandEyesApiVersion.V6 ? "v6" : "v7";

    private sealed record Context(InstantTestType Type, string TypeName, ThousandEyesApiVersion Version, JsonObject Fields, List<ValidationProblem> Problems)
    {
        public bool Require(string field)
        {
            if (JsonFieldValues.IsPresent(Fields[field]))
            {
                return true;
            }

            Problem(field, $"{field} is required for {TypeName}");
            return false;
        }

        public void RequireIn(JsonObject parent, string parentName, string field)
        {
            if (!JsonFieldValues.IsPresent(parent[field]))
            {
                Problem($"{parentName}.{field}", $"{parentName}.{field} is required for {TypeName}");
            }
        }

        public void Problem(string field, string message) => Problems.Add(new(field, message));
    }
}
