using System.Diagnostics;
using System.Text.Json;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Messages;

namespace AlertProbe.Core.Diagnostics;

/// <summary>
/// A <c>reply</c> span around each verdict delivery (registered over <see cref="VerdictDelivery"/> by
/// <see cref="TelemetryServiceCollectionExtensions.AddAlertProbeTelemetry"/>). The span names the destination's kind
/// and host only: reply URLs are capabilities.
/// </summary>
internal sealed class TracedVerdictDelivery(VerdictDelivery inner) : VerdictDelivery
{
    public override ReplyAddress? DestinationFor(InstantTestCreated created) => inner.DestinationFor(created);

    public override async Task<DeliveryOutcome> DeliverAsync(InstantTestResults results, ReplyAddress? destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var activity = AlertProbeTelemetry.Source.StartActivity(SpanNames.Reply, ActivityKind.Internal);
        activity?.SetTag(SpanTags.TestId, results.TestId);
        activity?.SetTag(SpanTags.Run, results.Run);
        if (destination is not null)
        {
            activity?.SetTag(SpanTags.ReplyKind, JsonNamingPolicy.CamelCase.ConvertName(destination.Kind.ToString()));
            activity?.SetTag(SpanTags.ReplyHost, destination.Url.IsAbsoluteUri ? destination.Url.Host : "(relative URL)");
        }

        try
        {
            var outcome = await inner.DeliverAsync(results, destination, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(SpanTags.ReplyStatus, JsonNamingPolicy.CamelCase.ConvertName(outcome.Status.ToString()));
            if (outcome.Status is DeliveryStatus.FailedPermanently or DeliveryStatus.FailedTransiently)
            {
                activity?.SetStatus(ActivityStatusCode.Error, outcome.Detail);
            }

            return outcome;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }
}
