using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using static AlertProbe.ThousandEyes.Requests.InstantTestFields;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// Checks an <see cref="InstantTestRequest"/> against one API version before any HTTP call, reporting every
/// problem at once, each naming its field: a field the version's request schema for the type does not list, a value
/// of the wrong JSON kind, outside its range or not one of its values, a missing required field. The facts are
/// <see cref="InstantTestFieldCatalog"/>'s. Field values never appear in messages (a password could).
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

        if (typeUsable)
        {
            var typeName = request.Type.NameIn(version)!;
            var context = new Context(request.Type, typeName, version, request.Fields, InstantTestFieldCatalog.FieldsOf(version, typeName)!, problems);
            ValidateRequired(context);
            foreach (var (name, value) in request.Fields)
            {
                if (IsDropped(request.Type, version, name))
                {
                    dropped.Add(name);
                }
                else if (name == AgentsField)
                {
                    problems.Add(new(AgentsField, "agents must be given as the request's agent list, not as a field"));
                }
                else if (context.Specs.TryGetValue(name, out var spec))
                {
                    context.Check(spec, value, name);
                }
                else if (!IsPortGivenApart(request.Type, version, name))
                {
                    context.Problem(name, $"{name} is not a field of {typeName} instant tests in API {VersionName(version)}");
                }
            }

            ValidateTypeRules(context);
        }
        else
        {
            dropped.AddRange(request.Fields.Select(f => f.Key).Where(IgnoredByInstantApi.Contains));
        }

        return new InstantTestValidation { ApiVersion = version, Problems = problems, DroppedFields = dropped };
    }

    /// <summary>
    /// Fields never sent: the ones the instant API accepts but ignores (interval, alertRules, …), and v6-only
    /// requirements a version-neutral rule may carry (v7 PageLoadInstantTestRequest has no httpInterval).
    /// </summary>
    internal static bool IsDropped(InstantTestType type, ThousandEyesApiVersion version, string name) =>
        IgnoredByInstantApi.Contains(name)
        || (version == ThousandEyesApiVersion.V7 && type == InstantTestType.PageLoad && name == HttpInterval);

    /// <summary>v7 agent-to-server has no port field: a port given apart is folded into server ("host:port").</summary>
    internal static bool IsPortGivenApart(InstantTestType type, ThousandEyesApiVersion version, string name) =>
        version == ThousandEyesApiVersion.V7 && type == InstantTestType.AgentToServer && name == Port;

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

            // The v6 agent entry has only agentId (thousandeyes-sdk-go v2 Agent); v7 TestAgent adds sourceIpAddress.
            if (version == ThousandEyesApiVersion.V6 && !string.IsNullOrWhiteSpace(agents[i].SourceIpAddress))
            {
                problems.Add(new($"agents[{i}].{SourceIpAddress}", $"agents[{i}].{SourceIpAddress} is not available in API v6"));
            }

            if (!seen.TryAdd(id.Trim(), i))
            {
                problems.Add(new(field, $"{field} repeats agents[{seen[id.Trim()]}]"));
            }
        }
    }

    private static void ValidateRequired(Context c)
    {
        foreach (var (name, spec) in c.Specs)
        {
            if (spec.Required && !JsonFieldValues.IsPresent(c.Fields[name]))
            {
                c.Problem(name, $"{name} is required for {c.TypeName}");
            }
        }
    }

    private static void ValidateTypeRules(Context c)
    {
        var fields = c.Fields;
        if (c.Type == InstantTestType.AgentToServer || c.Type == InstantTestType.AgentToAgent)
        {
            if (JsonFieldValues.TryGetString(fields[Protocol], out var protocol) && protocol.Trim().Equals("icmp", StringComparison.OrdinalIgnoreCase)
                && fields[Port] is not null)
            {
                c.Problem(Port, "port cannot be used with protocol ICMP (ICMP has no ports)");
            }
        }

        if (IsPortGivenApart(c.Type, c.Version, Port))
        {
            ValidateServerPort(c, fields);
        }

        if (WebUrlTypes.Contains(c.Type.Name) && JsonFieldValues.IsPresent(fields[Url]) && !IsAbsoluteHttpUrl(fields[Url]))
        {
            c.Problem(Url, $"url must be an absolute http or https URL for {c.TypeName}");
        }
    }

    // v7 carries the port in server ("host:port"); a separate port may only repeat it.
    private static void ValidateServerPort(Context c, JsonObject fields)
    {
        if (fields[Port] is { } port)
        {
            c.Check(FieldSpec.Range(1, 65535), port, Port);
        }

        if (!JsonFieldValues.TryGetString(fields[Server], out var server) || string.IsNullOrWhiteSpace(server))
        {
            return;
        }

        if (!ServerAddress.TryParse(server, out var address))
        {
            c.Problem(Server, "server must be a host or host:port with a port between 1 and 65535");
        }
        else if (address.Port is { } inServer && JsonFieldValues.TryGetInteger(fields[Port], out var given) && given != inServer)
        {
            c.Problem(Port, "port disagrees with the port in server (v7 sends the port as part of server, host:port)");
        }
    }

    private static bool IsAbsoluteHttpUrl(JsonNode? node) =>
        JsonFieldValues.TryGetString(node, out var text)
        && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static bool IsPositiveInteger(string text) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;

    private static string SupportedList(ThousandEyesApiVersion version) =>
        string.Join(", ", InstantTestType.AvailableIn(version).Select(t => t.NameIn(version)));

    internal static string VersionName(ThousandEyesApiVersion version) => version == ThousandEyesApiVersion.V6 ? "v6" : "v7";

    private sealed record Context(
        InstantTestType Type,
        string TypeName,
        ThousandEyesApiVersion Version,
        JsonObject Fields,
        FrozenDictionary<string, FieldSpec> Specs,
        List<ValidationProblem> Problems)
    {
        private string On => $"for {TypeName} on API {VersionName(Version)}";

        public void Problem(string field, string message) => Problems.Add(new(field, message));

        /// <summary>Checks one value against its spec; <paramref name="path"/> names it ("requests[0].name").</summary>
        public void Check(FieldSpec spec, JsonNode? value, string path)
        {
            if (value is null)
            {
                return;
            }

            switch (spec.Kind)
            {
                case FieldKind.Text when FieldValues.Text(value) is null:
                    Problem(path, $"{path} must be a string");
                    break;
                case FieldKind.Integer:
                    CheckInteger(spec, value, path);
                    break;
                case FieldKind.Flag when !JsonFieldValues.TryGetBoolean(value, out _):
                    Problem(path, $"{path} must be a boolean (true/false or 1/0)");
                    break;
                case FieldKind.Choice or FieldKind.DigitsChoice when FieldValues.Choose(spec, value) is null:
                    Problem(path, $"{path} must be one of {string.Join(", ", spec.Values!)} {On}");
                    break;
                case FieldKind.AgentId:
                    CheckAgentId(value, path);
                    break;
                case FieldKind.Map when value is not JsonObject:
                    Problem(path, $"{path} must be an object");
                    break;
                case FieldKind.Object:
                    CheckObject(spec, value, path);
                    break;
                case FieldKind.List:
                    CheckList(spec, value, path);
                    break;
                case FieldKind.DnsServers:
                    CheckDnsServers(value, path);
                    break;
            }
        }

        private void CheckInteger(FieldSpec spec, JsonNode value, string path)
        {
            if (!JsonFieldValues.TryGetInteger(value, out var number))
            {
                Problem(path, $"{path} must be a whole number");
            }
            else if (spec.Values is { } values && !values.Contains(number.ToString(CultureInfo.InvariantCulture)))
            {
                Problem(path, $"{path} must be one of {string.Join(", ", values)} {On}");
            }
            else if ((spec.Min is { } min && number < min) || (spec.Max is { } max && number > max))
            {
                Problem(path, $"{path} must be an integer between {spec.Min} and {spec.Max} {On}");
            }
        }

        private void CheckAgentId(JsonNode value, string path)
        {
            var valid = Version == ThousandEyesApiVersion.V6
                ? JsonFieldValues.TryGetInteger(value, out var id) && id > 0
                : FieldValues.Text(value) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text);
            if (!valid)
            {
                Problem(path, Version == ThousandEyesApiVersion.V6 ? $"{path} must be an integer for API v6" : $"{path} must be an agent id");
            }
        }

        private void CheckObject(FieldSpec spec, JsonNode value, string path)
        {
            if (value is not JsonObject obj)
            {
                Problem(path, $"{path} must be an object");
                return;
            }

            foreach (var (name, member) in obj)
            {
                if (spec.Fields!.TryGetValue(name, out var memberSpec))
                {
                    Check(memberSpec, member, $"{path}.{name}");
                }
                else
                {
                    Problem($"{path}.{name}", $"{path}.{name} is not a field of {path} {On}");
                }
            }

            foreach (var (name, memberSpec) in spec.Fields!)
            {
                if (memberSpec.Required && !JsonFieldValues.IsPresent(obj[name]))
                {
                    Problem($"{path}.{name}", $"{path}.{name} is required for {TypeName}");
                }
            }
        }

        private void CheckList(FieldSpec spec, JsonNode value, string path)
        {
            if (value is not JsonArray list || (spec.Required && list.Count == 0))
            {
                Problem(path, spec.Required ? $"{path} must be a non-empty array" : $"{path} must be an array");
                return;
            }

            for (var i = 0; i < list.Count; i++)
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                if (list[i] is null)
                {
                    Problem(itemPath, $"{itemPath} must not be null");
                }
                else
                {
                    Check(spec.Item!, list[i], itemPath);
                }
            }
        }

        private void CheckDnsServers(JsonNode value, string path)
        {
            if (value is not JsonArray { Count: > 0 } list)
            {
                Problem(path, $"{path} must be a non-empty list of DNS server names");
                return;
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (FieldValues.DnsServerName(list[i]) is null)
                {
                    Problem($"{path}[{i}]", $"{path}[{i}] must be a server name or an object with serverName");
                }
            }
        }
    }
}
