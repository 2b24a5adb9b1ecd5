namespace AlertProbe.Core.Diagnostics;

/// <summary>Dimension names of the app's metrics (low cardinality only: codes, kinds, function names).</summary>
public static class MetricTags
{
    public const string Reason = "reason";
    public const string Function = "function";
    public const string TestType = "test_type";
    public const string Verdict = "verdict";
}
