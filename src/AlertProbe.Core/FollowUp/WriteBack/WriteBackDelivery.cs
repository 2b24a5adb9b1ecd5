using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.WriteBack;

/// <summary>
/// Writes a run's verdict back to each record the alert named (<see cref="InstantTestCreated.WriteBack"/>) whose
/// destination is configured, unless the rule says <c>followUp.writeBack: false</c>. Each goes through the same
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
        if (created.WriteBack.Count == 0 || created.FollowUp.WriteBack == false)
        {
            return [];
        }

        var outcomes = new List<DeliveryOutcome>();
        WriteBackText? text = null;
        foreach (var target in created.WriteBack.DistinctBy(target => (target.Kind, target.Id)))
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

    // Released even when the caller's token is cancelled: a claim left behind would block every retry.
    private Task ReleaseAsync(InstantTestResults results, string key) =>
        ledger.ForgetVerdictDeliveryAsync(results.TestId, results.Run, key, CancellationToken.None);
}
