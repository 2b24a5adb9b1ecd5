namespace AlertProbe.ThousandEyes.Http;

/// <summary>What a request does; the retry policy depends on it.</summary>
internal enum ThousandEyesOperation
{
    Read,
    CreateInstantTest,
    Rerun,

    /// <summary>v7 POST /tests/{id}/snapshot: counts against the organisation's snapshot limit (5 per 5 minutes).</summary>
    CreateSnapshot,
}
