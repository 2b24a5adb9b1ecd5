using System.Text.Json.Serialization;

namespace AlertProbe.Core.Messages;

/// <summary>The overall or per-agent judgement of a run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TestVerdict>))]
public enum TestVerdict
{
    /// <summary>Every measurement within its thresholds.</summary>
    [JsonStringEnumMemberName("healthy")]
    Healthy,

    /// <summary>Reachable, but some measurement is past a warning threshold (loss, latency, slow phases).</summary>
    [JsonStringEnumMemberName("degraded")]
    Degraded,

    /// <summary>Unreachable or erroring.</summary>
    [JsonStringEnumMemberName("failing")]
    Failing,

    /// <summary>No usable data (results never appeared, or every agent errored for its own reasons).</summary>
    [JsonStringEnumMemberName("inconclusive")]
    Inconclusive,
}
