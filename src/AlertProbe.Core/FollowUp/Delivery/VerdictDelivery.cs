using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// Sends a run's verdict to its origin at most once: the ledger claim (test, run, destination) is taken before
/// sending and released when the send fails, so a redelivered or retried message never sends a second reply and a
/// failed send can be tried again. A crash between a successful send and settling leaves the claim in place (no
/// duplicate); a crash after claiming and before sending loses that reply: at most once, because chat replies are
/// read by people and Slack allows only five posts per <c>response_url</c>. The published result is never affected.
/// </summary>
public class VerdictDelivery
{
    private readonly ILedger _ledger = null!;
    private readonly ReplyDispatcher _dispatcher = null!;
    private readonly VerdictDeliveryOptions _options = null!;

    public VerdictDelivery(ILedger ledger, ReplyDispatcher dispatcher, IOptions<FollowUpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _options = options.Value.Delivery;
    }

    /// <summary>For mocking.</summary>
    protected VerdictDelivery()
    {
    }

    /// <summary>The reply address of the run, else the configured default, else null.</summary>
    public virtual ReplyAddress? DestinationFor(InstantTestCreated created)
    {
        ArgumentNullException.ThrowIfNull(created);
        return created.ReplyTo ?? _options.DefaultDestination;
    }

    public virtual async Task<DeliveryOutcome> DeliverAsync(InstantTestResults results, ReplyAddress? destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (destination is null)
        {
            return new DeliveryOutcome(DeliveryStatus.NoDestination, "no reply address and no default destination");
        }

        var described = ReplyDispatcher.Describe(destination);
        if (!ReplyDispatcher.IsAllowed(destination.Url))
        {
            return new DeliveryOutcome(DeliveryStatus.FailedPermanently, $"{described}: only http(s) destinations are allowed");
        }

        // The reply policy itself is applied by the dispatcher, right before the request is made.

        var key = DestinationKey(destination);
        if (!await _ledger.TryRecordVerdictDeliveredAsync(results.TestId, results.Run, key, cancellationToken).ConfigureAwait(false))
        {
            return new DeliveryOutcome(DeliveryStatus.AlreadyDelivered, $"{described}: already delivered");
        }

        DeliveryOutcome outcome;
        try
        {
            outcome = await _dispatcher.SendAsync(destination, results, cancellationToken).ConfigureAwait(false);
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

        return outcome;
    }

    /// <summary>The ledger stores only a digest of it: reply URLs are capabilities.</summary>
    private static string DestinationKey(ReplyAddress destination) =>
        $"{destination.Kind.ToString().ToLowerInvariant()}:{destination.Url.AbsoluteUri}";

    // Released even when the caller's token is cancelled: a claim left behind would block every retry.
    private Task ReleaseAsync(InstantTestResults results, string key) =>
        _ledger.ForgetVerdictDeliveryAsync(results.TestId, results.Run, key, CancellationToken.None);
}
