using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.WriteBack;

/// <summary>
/// Writes a run's verdict back to each record the run's alerts named — the trigger's
/// (<see cref="InstantTestCreated.WriteBack"/>) and every coalesced alert's (<see cref="CoalescedAlert.WriteBack"/>) —
/// whose destination is configured, unless the rule says <c>followUp.writeBack: false</c>. A record named by several
/// alerts (the same incident, ticket, issue or dashboard panel) is written once (<see cref="Targets"/>). Each goes through the same
/// once-per-run record as replies: the ledger claim (test, run, <c>writeback:{kind}:{id}</c>) is taken before the
/// request and released when it fails, so a redelivery or a delivery retry never writes twice and a failed write can
/// be retried (at most once, as replies: a crash between claim and request loses that note).
/// </summary>
public sealed class WriteBackDelivery(ILedger ledger, WriteBackDispatcher dispatcher, IOptions<WriteBackOptions> options, IOptions<FollowUpOptions> followUp)
{
    public async Task<IReadOnlyList<DeliveryOutcome>> DeliverAsync(InstantTestCreated created, InstantTestResults results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(created);
        ArgumentNullException.ThrowIfNull(results);
        if (created.FollowUp.WriteBack == false)
        {
            return [];
        }

        var outcomes = new List<DeliveryOutcome>();
        WriteBackText? text = null;
        foreach (var target in Targets(created))
        {
            var baseUrl = WriteBackDispatcher.BaseUrl(target.Kind, options.Value);
            var described = WriteBackDispatcher.Describe(target.Kind, baseUrl);
            if (baseUrl is null)
            {
                // Asked for by the rule but switched off here: said, not failed (nothing to retry).
                if (created.FollowUp.WriteBack == true)
                {
                    outcomes.Add(new DeliveryOutcome(DeliveryStatus.NoDestination, $"{described}: the rule asks for it but {WriteBackOptions.SectionName}:{target.Kind} is not configured"));
                }

                continue;
            }

            var key = $"writeback:{WriteBackDispatcher.Name(target.Kind)}:{target.Id}";
            if (!await ledger.TryRecordVerdictDeliveredAsync(results.TestId, results.Run, key, cancellationToken).ConfigureAwait(false))
            {
                outcomes.Add(new DeliveryOutcome(DeliveryStatus.AlreadyDelivered, $"{described}: already written"));
                continue;
            }

            text ??= WriteBackText.From(results, followUp.Value.Delivery.MaxAgentsListed);
            DeliveryOutcome outcome;
            try
            {
                outcome = await dispatcher.SendAsync(target, created, results, text, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await ReleaseAsync(results, key).ConfigureAwait(false);
                throw;
            }

            if (outcome.Status != DeliveryStatus.Delivered)
            {
                await ReleaseAsync(results, key).ConfigureAwait(false);
            }

            outcomes.Add(outcome);
        }

        return outcomes;
    }

    /// <summary>
    /// The records to write to, each destination item once: the trigger's first, then each coalesced alert's in the
    /// message's order, the first naming an item standing for it. An item is the PagerDuty incident, the ServiceNow
    /// record, the Jira issue, or the Grafana dashboard panel (a dashboard-wide annotation when no panel is known); a
    /// Grafana alert without a dashboard gets an organisation annotation of its own (tagged with that alert). The order
    /// is the message's, so a redelivery picks the same representative, and its id keys the ledger claim as before 1.3.
    /// </summary>
    public static IReadOnlyList<WriteBackTarget> Targets(InstantTestCreated created)
    {
        ArgumentNullException.ThrowIfNull(created);
        return created.WriteBack
            .Concat(created.CoalescedAlerts.SelectMany(alert => alert.WriteBack))
            .DistinctBy(ItemOf)
            .ToList();
    }

    private static (WriteBackKind Kind, string Id, long? Panel) ItemOf(WriteBackTarget target) =>
        target is { Kind: WriteBackKind.Grafana, DashboardUid: { } uid }
            ? (target.Kind, "dashboard:" + uid, target.PanelId)
            : (target.Kind, target.Id, null);

    // Released even when the caller's token is cancelled: a claim left behind would block every retry.
    private Task ReleaseAsync(InstantTestResults results, string key) =>
        ledger.ForgetVerdictDeliveryAsync(results.TestId, results.Run, key, CancellationToken.None);
}
