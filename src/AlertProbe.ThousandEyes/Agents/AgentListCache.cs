using System.Collections.Concurrent;

namespace AlertProbe.ThousandEyes.Agents;

/// <summary>The agent list per (API version, account group), kept for a lifetime measured on a TimeProvider.</summary>
internal sealed class AgentListCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<(ThousandEyesApiVersion, string), (IReadOnlyList<ThousandEyesAgent> Agents, DateTimeOffset ExpiresAt)> _entries = new();

    public IReadOnlyList<ThousandEyesAgent>? Get(ThousandEyesApiVersion version, string? accountGroupId) =>
        _entries.TryGetValue((version, accountGroupId ?? string.Empty), out var entry) && time.GetUtcNow() < entry.ExpiresAt
            ? entry.Agents
            : null;

    public void Set(ThousandEyesApiVersion version, string? accountGroupId, IReadOnlyList<ThousandEyesAgent> agents, TimeSpan lifetime)
    {
        if (lifetime > TimeSpan.Zero)
        {
            _entries[(version, accountGroupId ?? string.Empty)] = (agents, time.GetUtcNow() + lifetime);
        }
    }
}
