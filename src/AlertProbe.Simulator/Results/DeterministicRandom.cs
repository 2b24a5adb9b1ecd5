using System.Text;

namespace AlertProbe.Simulator.Results;

/// <summary>
/// A small seeded generator (FNV-1a seed, SplitMix64 steps): the same test, agent and round always give the
/// same metrics, across processes and runs, unlike <see cref="Random"/> or <see cref="string.GetHashCode()"/>.
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public static DeterministicRandom For(params string[] parts) => new(StableHash(string.Join('|', parts)));

    public static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    public int Between(int min, int maxInclusive) => min + (int)(Next() % (ulong)(maxInclusive - min + 1));

    private ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
