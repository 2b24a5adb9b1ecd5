using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.Core.FollowUp.Verdicts;

/// <summary>
/// Turns path visualisation rows into <see cref="AgentPath"/>s: summary rows (<c>/path-vis</c>) and detail rows
/// (<c>/path-vis/agent/{agentId}/round/{roundId}</c>, v6 <c>/net/path-vis/{testId}/{agentId}/{roundId}</c>) for the
/// same agent and direction are merged. Reads only the fields <see cref="PathVisFields"/> declares.
/// </summary>
public static class PathVisReader
{
    public static IReadOnlyList<AgentPath> Read(IReadOnlyList<TestResultRow> summary, IReadOnlyList<TestResultRow> detail, ThousandEyesApiVersion version)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(detail);
        var paths = new Dictionary<(string Agent, string? Direction), AgentPath>();
        foreach (var row in summary)
        {
            if (row.AgentId is not { } agent)
            {
                continue;
            }

            var view = new Declared(row.Raw, PathVisFields.Summary(version));
            var key = (agent, view.Text("direction"));
            var ends = view.Objects(PathVisFields.TracesOf(version))
                .Select(trace => new Declared(trace, PathVisFields.Trace).Text("ipAddress"))
                .OfType<string>()
                .ToList();
            paths[key] = Merge(paths.GetValueOrDefault(key), agent, view) with { TraceEnds = ends };
        }

        foreach (var row in detail)
        {
            if (row.AgentId is not { } agent)
            {
                continue;
            }

            var view = new Declared(row.Raw, PathVisFields.Detail(version));
            var key = (agent, view.Text("direction"));
            var routes = view.Objects(PathVisFields.RoutesOf(version))
                .Select(route => (IReadOnlyList<PathHop>)[.. new Declared(route, PathVisFields.Route).Objects("hops").Select(Hop).OfType<PathHop>().OrderBy(hop => hop.Hop)])
                .ToList();
            paths[key] = Merge(paths.GetValueOrDefault(key), agent, view) with { Routes = routes };
        }

        return [.. paths.Values];
    }

    private static AgentPath Merge(AgentPath? existing, string agent, Declared view) => (existing ?? new AgentPath { AgentId = agent }) with
    {
        Direction = existing?.Direction ?? view.Text("direction"),
        ServerIp = existing?.ServerIp ?? view.Text("serverIp"),
        SourceIp = existing?.SourceIp ?? view.Text("sourceIp"),
        SourcePrefix = existing?.SourcePrefix ?? view.Text("sourcePrefix"),
    };

    private static PathHop? Hop(JsonObject raw)
    {
        var hop = new Declared(raw, PathVisFields.Hop);
        return hop.Number("hop") is { } index && hop.Text("ipAddress") is { } ip
            ? new PathHop((int)index, ip, hop.Text("prefix"), hop.Text("network"), hop.Number("responseTime"))
            : null;
    }

    /// <summary>A nested object read only through its declared fields (an undeclared read is a programming error).</summary>
    private sealed class Declared(JsonObject raw, IReadOnlyList<string> fields)
    {
        public string? Text(string field) => fields.Contains(field) ? RawMetrics.Text(raw, Check(field)) : null;

        public double? Number(string field) => RawMetrics.Number(raw, Check(field));

        public IEnumerable<JsonObject> Objects(string field) =>
            raw[Check(field)] is JsonArray array ? array.OfType<JsonObject>() : [];

        private string Check(string field) => fields.Contains(field, StringComparer.Ordinal)
            ? field
            : throw new InvalidOperationException($"Path visualisation field '{field}' is not declared in PathVisFields.");
    }
}
