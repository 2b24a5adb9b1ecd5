namespace AlertProbe.Benchmarks.Storm.Faults;

/// <summary>
/// Which faults a storm meets and how often: each rate is the chance that one call (to ThousandEyes, to the ledger's
/// store, to Service Bus) meets that fault; crash rates are the chance that the process dies right after that step
/// succeeded. Drawn from one seeded generator, so a plan and a seed replay the same run.
/// </summary>
public sealed record FaultPlan
{
    public int Seed { get; init; } = 20261202;

    /// <summary>ThousandEyes answers 500, 502 or 503 without having acted on the request.</summary>
    public double ApiServerErrors { get; init; }

    /// <summary>ThousandEyes acted on the request (a test may be created) but the answer is lost as a 502 (a gateway timing out).</summary>
    public double ApiErrorsAfterProcessing { get; init; }

    /// <summary>The connection is reset before an answer (HttpRequestException over a SocketException).</summary>
    public double ApiResets { get; init; }

    /// <summary>The request times out (what HttpClient throws on its own timeout).</summary>
    public double ApiTimeouts { get; init; }

    /// <summary>
    /// ThousandEyes acts on the request but its answer arrives <see cref="ApiSlowSeconds"/> later on the run's clock; an
    /// answer later than the client's attempt timeout is given up as the timeout it is (the API may have acted).
    /// </summary>
    public double ApiSlow { get; init; }

    /// <summary>How late a slow answer arrives, in seconds (default 20, inside the client's 30 s attempt timeout).</summary>
    public int ApiSlowSeconds { get; init; } = 20;

    /// <summary>429 with the instant-test rate-limit headers (remaining 0, reset a minute on).</summary>
    public double ApiRateLimited { get; init; }

    /// <summary>429 with no rate-limit header and no Retry-After.</summary>
    public double ApiRateLimitedBare { get; init; }

    /// <summary>The first N ThousandEyes calls answer 401 (a rotated token), every later one succeeds.</summary>
    public int ApiUnauthorizedFirst { get; init; }

    /// <summary>The store answers 503 ServerBusy (Table Storage throttling).</summary>
    public double StoreBusy { get; init; }

    /// <summary>A conditional write fails as if another writer had won (412/409) without anything written.</summary>
    public double StoreConflicts { get; init; }

    /// <summary>Store calls with these ordinal numbers (from the first) all fail as if storage were down: an outage.</summary>
    public Range? StoreOutage { get; init; }

    /// <summary>Publishing to a topic fails (ServiceCommunicationProblem) after the SDK's own retries.</summary>
    public double PublishFailures { get; init; }

    /// <summary>Scheduling a copy on the alerts queue fails the same way.</summary>
    public double ScheduleFailures { get; init; }

    /// <summary>The process dies right after the coalescing claim was written.</summary>
    public double CrashAfterClaim { get; init; }

    /// <summary>The process dies right after ThousandEyes answered 201 (before the ledger records the test).</summary>
    public double CrashAfterCreate { get; init; }

    /// <summary>The process dies right after the ledger recorded the created test (before it is published).</summary>
    public double CrashAfterRecord { get; init; }

    /// <summary>The process dies right after the created test was published (before the message is settled).</summary>
    public double CrashAfterPublish { get; init; }

    /// <summary>
    /// The soak's mix at <paramref name="percent"/>: that share of ThousandEyes calls answer a server error (split
    /// over the kinds above), a twentieth of it 429s, one storage outage of 200 calls after the first 5,000, and each
    /// crash point at a fifth of it.
    /// </summary>
    public static FaultPlan Soak(int percent, int seed = 20261202)
    {
        var p = percent / 100.0;
        return new FaultPlan
        {
            Seed = seed,
            ApiServerErrors = p * 0.5,
            ApiErrorsAfterProcessing = p * 0.1,
            ApiResets = p * 0.2,
            ApiTimeouts = p * 0.2,
            ApiRateLimited = p / 20,
            ApiRateLimitedBare = p / 40,
            StoreBusy = p / 10,
            StoreConflicts = p / 10,
            StoreOutage = 5_000..5_200,
            PublishFailures = p / 5,
            ScheduleFailures = p / 5,
            CrashAfterClaim = p / 5,
            CrashAfterCreate = p / 5,
            CrashAfterRecord = p / 5,
            CrashAfterPublish = p / 5,
        };
    }

    /// <summary>
    /// <paramref name="plan"/> with one property set from <c>Name=value</c>: a rate (<c>ApiResets=0.2</c>), a count
    /// (<c>ApiUnauthorizedFirst=10</c>, <c>Seed=7</c>) or a range of store calls (<c>StoreOutage=200..400</c>); several
    /// separated by <c>;</c>.
    /// </summary>
    public static FaultPlan With(FaultPlan plan, string assignment)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.Contains(';', StringComparison.Ordinal))
        {
            return assignment.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Aggregate(plan, With);
        }

        var parts = assignment.Split('=', 2);
        var property = typeof(FaultPlan).GetProperty(parts[0], System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            ?? throw new ArgumentException($"--fault: no fault named '{parts[0]}' (see FaultPlan)");
        if (parts.Length != 2)
        {
            throw new ArgumentException($"--fault {parts[0]} needs a value: {parts[0]}=...");
        }

        var culture = System.Globalization.CultureInfo.InvariantCulture;
        object value = property.PropertyType switch
        {
            var t when t == typeof(double) => double.Parse(parts[1], culture),
            var t when t == typeof(int) => int.Parse(parts[1], culture),
            var t when t == typeof(Range?) && parts[1].Split("..") is [var from, var to] => int.Parse(from, culture)..int.Parse(to, culture),
            _ => throw new ArgumentException($"--fault {parts[0]}: cannot read '{parts[1]}'"),
        };
        var copy = plan with { };
        property.SetValue(copy, value);
        return copy;
    }
}
