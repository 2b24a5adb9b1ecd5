namespace AlertProbe.Functions.Health;

/// <summary>Keys the checks use in <c>HealthCheckResult.Data</c>.</summary>
internal static class HealthCheckData
{
    /// <summary>An <c>IReadOnlyList&lt;string&gt;</c> of options validation failures.</summary>
    public const string FailuresKey = "failures";
}
