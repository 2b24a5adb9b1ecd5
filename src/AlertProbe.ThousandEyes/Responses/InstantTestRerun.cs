namespace AlertProbe.ThousandEyes.Responses;

/// <summary>A rerun ThousandEyes accepted (it answers 200 with no body).</summary>
public sealed record InstantTestRerun
{
    public required string TestId { get; init; }

    public required ThousandEyesApiVersion ApiVersion { get; init; }

    public string? AccountGroupId { get; init; }

    /// <summary>When the client saw the acceptance (its <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset AcceptedAt { get; init; }
}
