namespace AlertProbe.Core.Alerts.Reading;

/// <summary>Collects candidate targets in order of preference, keeping the first origin of each value.</summary>
internal sealed class AlertTargetList
{
    private readonly List<AlertTarget> _targets = [];
    private readonly HashSet<string> _values = new(StringComparer.OrdinalIgnoreCase);

    public void Add(AlertTarget? target)
    {
        if (target is not null && _values.Add(target.Value))
        {
            _targets.Add(target);
        }
    }

    public void AddRange(IEnumerable<AlertTarget> targets)
    {
        foreach (var target in targets)
        {
            Add(target);
        }
    }

    /// <summary>Adds the values of the map's keys that are conventional target names, in the order of <paramref name="keys"/>.</summary>
    public void AddFromMap(IReadOnlyDictionary<string, string> map, IEnumerable<string> keys, string originPrefix)
    {
        foreach (var key in keys)
        {
            foreach (var (name, value) in map)
            {
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                {
                    Add(AlertTargetClassifier.Classify(value, $"{originPrefix}.{name}"));
                }
            }
        }
    }

    public IReadOnlyList<AlertTarget> ToList() => [.. _targets];
}
