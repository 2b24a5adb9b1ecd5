using System.Diagnostics;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.ThousandEyes;

/// <summary>
/// The client's spans: one per client operation (a create, a rerun, one listing with all its pages), above the HTTP
/// spans of its requests. Tags name the operation, the API version and, where there is one, the test type or result
/// family; never a credential, a URL or a query (an account group id is not tagged either).
/// </summary>
public static class ThousandEyesTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name, for a host's tracing registration (<c>AddSource</c>).</summary>
    public const string SourceName = "AlertProbe.ThousandEyes";

    public const string OperationTag = "thousandeyes.operation";
    public const string ApiVersionTag = "thousandeyes.api_version";
    public const string TestTypeTag = "thousandeyes.test_type";
    public const string ResultFamilyTag = "thousandeyes.result_family";

    /// <summary>The error's kind (its type name, e.g. <c>RateLimitedError</c>) when the call failed.</summary>
    public const string ErrorTag = "thousandeyes.error";

    internal static ActivitySource Source { get; } = new(SourceName);

    internal static Activity? Start(string operation, ThousandEyesApiVersion version, string? testType = null, string? resultFamily = null)
    {
        var activity = Source.StartActivity($"ThousandEyes {operation}", ActivityKind.Internal);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(OperationTag, operation);
        activity.SetTag(ApiVersionTag, InstantTestRequestValidator.VersionName(version));
        activity.SetTag(TestTypeTag, testType);
        activity.SetTag(ResultFamilyTag, resultFamily);
        return activity;
    }

    internal static ThousandEyesResult<T> Finish<T>(Activity? activity, ThousandEyesResult<T> result)
    {
        if (activity is not null && result.Error is { } error)
        {
            // The kind only: an error's message may quote the API's answer.
            activity.SetTag(ErrorTag, error.GetType().Name);
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        }

        return result;
    }
}
