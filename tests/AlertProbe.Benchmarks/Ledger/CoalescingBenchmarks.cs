using System.Collections.Concurrent;
using System.Globalization;
using AlertProbe.Core.Ledger;
using BenchmarkDotNet.Attributes;

namespace AlertProbe.Benchmarks.Ledger;

/// <summary>
/// <see cref="InMemoryLedger.TryClaimCoalescingAsync"/> for a burst of claims from distinct alerts, all on one
/// coalescing key (one claim, the rest coalesced onto it) or each on its own key (every one a new claim),
/// against a bare <see cref="ConcurrentDictionary{TKey, TValue}.TryAdd"/> of the same keys. Each invocation
/// starts from an empty ledger (and an empty dictionary); figures are per claim.
/// </summary>
[MemoryDiagnoser]
public class CoalescingBenchmarks
{
    public const int Claims = 100;

    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(10);

    private string[] keys = [];
    private string[] alertIds = [];

    /// <summary>1: every alert wants the same test; <see cref="Claims"/>: every alert wants its own.</summary>
    [Params(1, Claims)]
    public int DistinctKeys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        keys = Enumerable.Range(0, Claims)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"http-server|https://svc{i % DistinctKeys}.contoso.example/|types=cloud;max=3|aid=-"))
            .ToArray();
        alertIds = Enumerable.Range(0, Claims)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"alertmanager:{i:x16}"))
            .ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Claims)]
    public int DictionaryTryAdd()
    {
        var claims = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var claimed = 0;
        for (var i = 0; i < Claims; i++)
        {
            if (claims.TryAdd(keys[i], alertIds[i]))
            {
                claimed++;
            }
        }

        return claimed;
    }

    [Benchmark(OperationsPerInvoke = Claims)]
    public async Task<int> LedgerTryClaim()
    {
        var ledger = new InMemoryLedger(TimeProvider.System);
        var claimed = 0;
        for (var i = 0; i < Claims; i++)
        {
            // The claimant is the intake identity (message id + plan); one per alert here.
            var claim = await ledger.TryClaimCoalescingAsync(keys[i], alertIds[i], alertIds[i], Cooldown, CancellationToken.None);
            if (claim is CoalescingClaim.Claimed)
            {
                claimed++;
            }
        }

        return claimed;
    }
}
