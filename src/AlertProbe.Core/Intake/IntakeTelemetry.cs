using System.Diagnostics;
using AlertProbe.Core.Diagnostics;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.Intake;

/// <summary>
/// The intake's span and counters around one plan's creation, on <see cref="AlertProbeTelemetry"/>'s source and meter.
/// Here, not in Diagnostics, so Diagnostics knows nothing of the intake's result types (dependencies point one way).
/// </summary>
internal static class IntakeTelemetry
{
    /// <summary>
    /// Runs one plan's creation inside a <c>create</c> span and counts what became of it. The intake handler's only
    /// telemetry: one call around <see cref="InstantTestCreator.CreateAsync"/>.
    /// </summary>
    public static async Task<PlanResult> TraceCreateAsync(PlannedTest test, Func<CancellationToken, Task<PlanResult>> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(create);
        using var activity = AlertProbeTelemetry.Source.StartActivity(SpanNames.Create, ActivityKind.Internal);
        activity?.SetTag(SpanTags.TestType, test.Plan.TestType);
        activity?.SetTag(SpanTags.Rule, test.Plan.Rule);
        activity?.SetTag(SpanTags.AlertId, test.Plan.AlertId);
        activity?.SetTag(SpanTags.Severity, MessageEnvelope.Name(test.Plan.Severity));
        PlanResult result;
        try
        {
            result = await create(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }

        Record(result, test.Plan.TestType, activity);
        return result;
    }

    private static void Record(PlanResult result, string testType, Activity? activity)
    {
        var testTypeTag = new KeyValuePair<string, object?>(MetricTags.TestType, testType);
        switch (result)
        {
            case PlanResult.Created created:
                activity?.SetTag(SpanTags.TestId, created.TestId);
                activity?.SetTag(SpanTags.PlanResult, created.Republished ? "republished" : "created");
                if (!created.Republished)
                {
                    AlertProbeTelemetry.RecordCreated(testTypeTag);
                }

                break;
            case PlanResult.AlreadyDone done:
                activity?.SetTag(SpanTags.TestId, done.TestId);
                activity?.SetTag(SpanTags.PlanResult, "alreadyDone");
                break;
            case PlanResult.Coalesced coalesced:
                activity?.SetTag(SpanTags.TestId, coalesced.TestId);
                activity?.SetTag(SpanTags.PlanResult, "coalesced");
                AlertProbeTelemetry.RecordCoalesced(testTypeTag);
                break;
            case PlanResult.Rejected rejected:
                activity?.SetTag(SpanTags.PlanResult, "refused");
                activity?.SetTag(SpanTags.Reason, rejected.Rejection.Reason);
                activity?.SetStatus(ActivityStatusCode.Error, rejected.Rejection.Reason);
                AlertProbeTelemetry.RecordRefused(rejected.Rejection.Reason, testTypeTag);
                break;
            case PlanResult.NotYet notYet:
                activity?.SetTag(SpanTags.PlanResult, "notYet");
                activity?.SetTag(SpanTags.Reason, notYet.Reason);
                break;
            case PlanResult.Failed failed:
                activity?.SetTag(SpanTags.PlanResult, "failed");
                activity?.SetStatus(ActivityStatusCode.Error, failed.Error);
                break;
        }
    }
}
