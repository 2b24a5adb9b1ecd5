using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AlertProbe.Core.Agents;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.RateLimiting;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Agents;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Responses;
using Azure;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Intake;

/// <summary>
/// Takes one planned test through idempotency, coalescing, the shared rate budget, agent selection,
/// creation and publishing. Every step that can be repeated by a redelivery is recorded in the ledger
/// first, so a message redelivered at any point republishes what exists and never creates a second test.
/// </summary>
public sealed partial class InstantTestCreator(
    ILedger ledger,
    RateBudget budget,
    ThousandEyesClient client,
    InstantTestPublisher publisher,
    CredentialCircuit circuit,
    IOptions<IntakeOptions> options,
    TimeProvider timeProvider,
    ILogger<InstantTestCreator> logger)
{
    /// <summary>
    /// How long a message waits when the credential cannot be read for now. The secret source's client has already
    /// retried (Key Vault: four tries over about 6 s), and a read credential is kept for its cache lifetime, so only a
    /// read after the cache ran out meets an outage; half a minute lets Key Vault come back without a loop of handler calls.
    /// </summary>
    internal static readonly TimeSpan CredentialRetryAfter = TimeSpan.FromSeconds(30);

    public async Task<PlanResult> CreateAsync(PlannedTest test, IntakeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(context);
        var plan = test.Plan;
        if (context.Carried is { } carried && carried.PlanKey == test.PlanKey)
        {
            return await SettleCarriedAsync(carried, test, context, cancellationToken).ConfigureAwait(false);
        }

        // The key first: an alert whose test is already created or pending is done with two ledger calls and no lease.
        var coalescingKey = test.CoalescingKey.ToStorageKey();
        var claimant = $"{context.OriginalMessageId}/{test.PlanKey}";
        var alert = AlertOf(test, context);
        var coalescing = await ledger.TryClaimCoalescingAsync(coalescingKey, alert, claimant, plan.Cooldown, cancellationToken).ConfigureAwait(false);
        if (coalescing is CoalescingClaim.Coalesced coalesced)
        {
            // Pending or not, the alert is recorded on the claim and rides on its test: done now, nothing to wait for.
            // If that creation fails for good, the claimant accounts for every alert attached to it.
            Log.Coalesced(logger, plan.AlertId, test.CoalescingKey.Display, coalesced.TestId ?? "pending", context.CorrelationId);
            return new PlanResult.Coalesced(coalesced.TestId, test.CoalescingKey.Display);
        }

        var claimId = ((CoalescingClaim.Claimed)coalescing).ClaimId;
        var intake = await ledger.BeginIntakeAsync(context.OriginalMessageId, test.PlanKey, cancellationToken).ConfigureAwait(false);
        if (await ResumeAsync(intake, test, context, claimId, cancellationToken).ConfigureAwait(false) is { } resumed)
        {
            return resumed;
        }

        if (intake is IntakeClaim.InProgress inProgress)
        {
            // Another delivery of this message holds the lease (and the claim, as the same claimant): it decides.
            return new PlanResult.NotYet(inProgress.LeaseExpiresAt, "another delivery of this message holds the intake lease");
        }

        var lease = ((IntakeClaim.Started)intake).LeaseId;
        var (createdTest, notCreated) = await CreateClaimedAsync(test, context, cancellationToken).ConfigureAwait(false);
        if (createdTest is null)
        {
            await ledger.ReleaseIntakeAsync(context.OriginalMessageId, test.PlanKey, lease, cancellationToken).ConfigureAwait(false);
            return await NotCreatedAsync(notCreated!, test, coalescingKey, claimId, context, cancellationToken).ConfigureAwait(false);
        }

        var recorded = await TryRecordCreatedAsync(createdTest, test, context, lease, cancellationToken).ConfigureAwait(false);
        return await SettleAsync(new CarriedCreation(test.PlanKey, claimId, lease, createdTest), test, context, recorded, republished: false, cancellationToken).ConfigureAwait(false);

        // Either the created test or why nothing was created.
        async Task<(InstantTestCreated? Created, PlanResult? NotCreated)> CreateClaimedAsync(PlannedTest planned, IntakeContext ctx, CancellationToken ct)
        {
            if (circuit.OpenUntil is { } openUntil)
            {
                // Wait for the circuit rather than burn the message's deliveries: abandoned, it would be redelivered at
                // once and dead-lettered after MaxDeliveryCount tries inside the open period (the fault matrix's 401 row).
                return (null, new PlanResult.NotYet(openUntil, $"ThousandEyes rejected the credentials; not calling it again before {openUntil:O}"));
            }

            var (agents, agentsError) = await ResolveAgentsAsync(planned, ct).ConfigureAwait(false);
            if (agents is not { IsResolved: true })
            {
                return (null, agents?.Rejection is { } rejection
                    ? new PlanResult.Rejected(rejection)
                    : (PlanResult?)CredentialWait(agentsError) ?? new PlanResult.Failed("could not read the ThousandEyes agent list"));
            }

            var request = RequestFor(planned, agents.AgentIds, options.Value.TestNamePrefix, ctx.OriginalMessageId, ctx.EnqueuedAt);
            var validation = client.Validate(request);
            if (!validation.IsValid)
            {
                return (null, new PlanResult.Rejected(RejectionFor(validation.Problems)));
            }

            // Last before the call: a plan refused above (agents, validation) never spends the instant-test budget.
            // Spent: a slot is booked in a coming window (by severity, then arrival) and the copy comes back for it, once.
            if (await budget.TryAcquireOrBookAsync(planned.Plan.Severity, ctx.BudgetBooking, ct).ConfigureAwait(false) is RateBudgetDecision.Exhausted exhausted)
            {
                return (null, new PlanResult.NotYet(exhausted.RetryAt, $"instant-test rate budget spent ({exhausted.Reason})") { BudgetBooking = exhausted.Booking });
            }

            // The client's pipeline reports the response's rate-limit headers and a 429 to the budget.
            var response = await client.CreateInstantTestAsync(request, ct).ConfigureAwait(false);

            if (!response.IsSuccess)
            {
                if (IsNameTaken(response.Error!))
                {
                    // The name carries this message's id and enqueue instant: only an earlier delivery of this very
                    // message can have used it, one that created the test but whose ledger record was lost (a crash
                    // between ThousandEyes' 201 and the ledger). It is already created: never create it twice.
                    // Its id is lost, so it can be neither published nor followed up: park the message with the reason (a
                    // human can find the test by its name) rather than complete it as if its alert had been answered.
                    Log.AlreadyCreatedByName(logger, request.TestName!, ctx.OriginalMessageId, ctx.CorrelationId);
                    return (null, new PlanResult.Rejected(new Rejection(
                        RejectionReasons.TestIdLost,
                        $"ThousandEyes already has this intake's {planned.Plan.TestType} test for {planned.Plan.Target}, named '{request.TestName}': an earlier delivery " +
                        "created it but its id was lost before it was recorded (a crash, or an answer lost after ThousandEyes acted). It is not created " +
                        "again and gets no follow-up; find its results in ThousandEyes by that name.")));
                }

                return (null, await FailureAsync(response.Error!, planned, ctx, ct).ConfigureAwait(false));
            }

            var created = ToMessage(response.Value!, planned, ctx);
            Log.Created(logger, created.TestId, created.TestType, created.Target, planned.Plan.AlertId, planned.Plan.Rule, ctx.CorrelationId);
            return (created, null);
        }
    }

    /// <summary>
    /// Gives up the plan's coalescing claim for good (the message is about to be dead-lettered while the plan waited):
    /// the alerts that rode on the claim come back with the rejection, so the dead-letter names them.
    /// </summary>
    public async Task<PlanResult.Rejected> GiveUpAsync(PlannedTest test, IntakeContext context, Rejection rejection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rejection);
        var coalescingKey = test.CoalescingKey.ToStorageKey();
        var claimant = $"{context.OriginalMessageId}/{test.PlanKey}";

        // The claimant asking again gets its own claim back (or takes over an expired one, inheriting its riders).
        var claim = await ledger.TryClaimCoalescingAsync(coalescingKey, AlertOf(test, context), claimant, test.Plan.Cooldown, cancellationToken).ConfigureAwait(false);
        return claim is CoalescingClaim.Claimed claimed
            ? (PlanResult.Rejected)await NotCreatedAsync(new PlanResult.Rejected(rejection), test, coalescingKey, claimed.ClaimId, context, cancellationToken).ConfigureAwait(false)
            : new PlanResult.Rejected(rejection);
    }

    private CoalescedAlert AlertOf(PlannedTest test, IntakeContext context) => new()
    {
        Source = test.Plan.Source,
        AlertId = test.Plan.AlertId,
        Severity = test.Plan.Severity,
        OriginalMessageId = context.OriginalMessageId,
        CorrelationId = context.CorrelationId,
        CoalescedAt = timeProvider.GetUtcNow(),
        ReceivedAt = context.EnqueuedAt,
        ReplyTo = context.ReplyFor(test.Plan.AlertId),
        WriteBack = test.Plan.WriteBack,
    };

    private async Task<InstantTestCreated> WithRidersAsync(InstantTestCreated created, string coalescingKey, string claimId, CancellationToken cancellationToken)
    {
        var riders = await ledger.CompleteClaimAsync(coalescingKey, claimId, created.TestId, cancellationToken).ConfigureAwait(false);
        return riders is { Count: > 0 } ? created with { CoalescedAlerts = riders } : created;
    }

    /// <summary>What becomes of the claim, and of the alerts attached to it, when this attempt created nothing.</summary>
    private async Task<PlanResult> NotCreatedAsync(PlanResult notCreated, PlannedTest test, string coalescingKey, string claimId, IntakeContext context, CancellationToken cancellationToken)
    {
        switch (notCreated)
        {
            case PlanResult.NotYet notYet:
                // Waiting for the budget (or a 429): the claim stays pending, so alerts for the key keep attaching to it
                // and complete at once; it is held at least until this copy is back (plus a lease, for its handling).
                await ledger.HoldCoalescingAsync(coalescingKey, claimId, notYet.At + options.Value.PendingClaimGrace, cancellationToken).ConfigureAwait(false);
                return notYet;
            case PlanResult.Rejected rejected:
                // For good: give the key up, and account for every alert that was waiting on it.
                var orphans = await ledger.ReleaseClaimAsync(coalescingKey, claimId, cancellationToken).ConfigureAwait(false) ?? [];
                foreach (var orphan in orphans)
                {
                    Log.CoalescedAlertRefused(logger, orphan.AlertId, orphan.OriginalMessageId, test.CoalescingKey.Display, rejected.Rejection.Reason, orphan.ReplyTo is not null, orphan.CorrelationId ?? context.CorrelationId);
                }

                return orphans.Count == 0 ? rejected : rejected with { Attached = orphans };
            case PlanResult.Failed failed when context.IsLastDelivery:
                // Abandoned now, the broker would dead-letter the message with no word of the alerts riding on this claim:
                // give the key up and refuse them with it, by name, in this message's dead-letter.
                return await NotCreatedAsync(
                    new PlanResult.Rejected(new Rejection(
                        RejectionReasons.DeliveriesExhausted,
                        $"the {test.Plan.TestType} test for {test.Plan.Target} (rule '{test.Plan.Rule}') still failed on the message's last delivery: {failed.Error}")),
                    test, coalescingKey, claimId, context, cancellationToken).ConfigureAwait(false);
            default:
                // Transient: the claim stays pending for this message's redelivery (the same claimant gets it back).
                return notCreated;
        }
    }

    /// <summary>
    /// Settles a test an earlier delivery created and handed on (<see cref="CarriedCreation"/>): records it under the lease
    /// it was created with (or the lease this delivery now holds), completes its claim and publishes it. Never creates.
    /// </summary>
    private async Task<PlanResult> SettleCarriedAsync(CarriedCreation carried, PlannedTest test, IntakeContext context, CancellationToken cancellationToken)
    {
        Log.SettlingCarried(logger, carried.Created.TestId, context.OriginalMessageId, context.CorrelationId);
        var intake = await ledger.BeginIntakeAsync(context.OriginalMessageId, test.PlanKey, cancellationToken).ConfigureAwait(false);
        if (await ResumeAsync(intake, test, context, carried.ClaimId, cancellationToken).ConfigureAwait(false) is { } resumed)
        {
            // Settled before (this copy is itself a redelivery), or recorded since: nothing is created.
            return resumed;
        }

        // Started: the creating delivery's lease had expired and this delivery took the plan over, so record under the new lease.
        var lease = intake is IntakeClaim.Started started ? started.LeaseId : carried.LeaseId;

        var recorded = await TryRecordCreatedAsync(carried.Created, test, context, lease, cancellationToken).ConfigureAwait(false);
        return await SettleAsync(carried with { LeaseId = lease }, test, context, recorded, republished: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What an earlier delivery already did with this plan, finished: published (the claim, which this message may hold
    /// again after its old one expired, gets that test) or created and recorded (published now, with the claim's riders).
    /// Null when it did neither: nothing is known to exist.
    /// </summary>
    private async Task<PlanResult?> ResumeAsync(IntakeClaim intake, PlannedTest test, IntakeContext context, string claimId, CancellationToken cancellationToken)
    {
        var coalescingKey = test.CoalescingKey.ToStorageKey();
        switch (intake)
        {
            case IntakeClaim.AlreadyPublished published:
                await ledger.CompleteClaimAsync(coalescingKey, claimId, published.TestId, cancellationToken).ConfigureAwait(false);
                return new PlanResult.AlreadyDone(published.TestId);
            case IntakeClaim.AlreadyCreated created:
                var republish = await WithRidersAsync(created.Created, coalescingKey, claimId, cancellationToken).ConfigureAwait(false);
                return await PublishAsync(republish, context, test, republished: true, unrecorded: null, cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }

    /// <summary>Records the created test in the ledger; false when storage failed (logged) or the lease had passed on.</summary>
    private async Task<bool> TryRecordCreatedAsync(InstantTestCreated created, PlannedTest test, IntakeContext context, string lease, CancellationToken cancellationToken)
    {
        try
        {
            if (await ledger.MarkCreatedAsync(context.OriginalMessageId, test.PlanKey, lease, created, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            Log.LeaseLost(logger, created.TestId, context.OriginalMessageId, context.CorrelationId);
        }
        catch (RequestFailedException exception)
        {
            // Only this delivery knows the new test's id: it must still be settled (below), never created again.
            Log.RecordFailed(logger, exception, created.TestId, context.OriginalMessageId, exception.Status, context.CorrelationId);
        }

        return false;
    }

    /// <summary>
    /// Completes the claim (which hands back, atomically, the alerts that coalesced while it was pending; asked again it hands
    /// back the same ones) and publishes. A storage failure completing the claim hands the test on to the message's copy
    /// (CreatedUnsettled), which settles it without going through the claim again; a publish failure does the same when the
    /// test is unrecorded (only this delivery knows it), else leaves the record for the redelivery to republish from.
    /// </summary>
    private async Task<PlanResult> SettleAsync(CarriedCreation creation, PlannedTest test, IntakeContext context, bool recorded, bool republished, CancellationToken cancellationToken)
    {
        var created = creation.Created;
        try
        {
            created = await WithRidersAsync(created, test.CoalescingKey.ToStorageKey(), creation.ClaimId, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            // Handed on even when recorded: a copy that came back through the coalescing claim could find the claim expired
            // during a long outage and coalesce onto another's, leaving the recorded test unpublished.
            Log.ClaimCompletionFailed(logger, exception, created.TestId, context.OriginalMessageId, exception.Status, recorded, context.CorrelationId);
            return new PlanResult.CreatedUnsettled(creation, recorded
                ? $"created and recorded test {created.TestId} but storage failed completing its claim (HTTP {exception.Status})"
                : $"created test {created.TestId} but storage failed both recording it and completing its claim (HTTP {exception.Status})");
        }

        return await PublishAsync(created, context, test, republished, recorded ? null : creation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Last resort for a carried test whose copy cannot be scheduled: publish it as it is, without the alerts that may have
    /// coalesced onto its claim since (they stay on the claim), so the test itself is still followed up.
    /// </summary>
    public async Task<PlanResult> PublishUnsettledAsync(CarriedCreation carried, PlannedTest test, IntakeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(carried);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(context);
        Log.PublishingWithoutRiders(logger, carried.Created.TestId, context.OriginalMessageId, context.CorrelationId);
        return await PublishAsync(carried.Created, context, test, republished: false, unrecorded: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PlanResult> PublishAsync(InstantTestCreated created, IntakeContext context, PlannedTest test, bool republished, CarriedCreation? unrecorded, CancellationToken cancellationToken)
    {
        try
        {
            await publisher.PublishCreatedAsync(created, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceBusException exception)
        {
            // The SDK has already retried. Recorded, the redelivery republishes from the ledger; not recorded, the copy must
            // carry the test (a redelivery would only meet its name).
            Log.PublishFailed(logger, exception, created.TestId, context.OriginalMessageId, context.CorrelationId);
            return unrecorded is null
                ? new PlanResult.Failed($"created test {created.TestId} but could not publish it ({exception.Reason}); a redelivery publishes it without creating another")
                : new PlanResult.CreatedUnsettled(unrecorded with { Created = created }, $"created test {created.TestId}, unrecorded, but could not publish it ({exception.Reason})");
        }

        try
        {
            // Published: what follows only spares a crash's redelivery some work (it would republish, and the topic's duplicate
            // detection drops that), so a storage failure here must not undo the result.
            if (unrecorded is not null && !await TryRecordCreatedAsync(created, test, context, unrecorded.LeaseId, cancellationToken).ConfigureAwait(false))
            {
                return new PlanResult.Created(created.TestId, republished);
            }

            await ledger.MarkPublishedAsync(context.OriginalMessageId, test.PlanKey, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            Log.MarkPublishedFailed(logger, exception, created.TestId, context.OriginalMessageId, exception.Status, context.CorrelationId);
        }

        return new PlanResult.Created(created.TestId, republished);
    }

    /// <summary>The agents the plan's selector picks, or the error reading the agent list.</summary>
    private async Task<(AgentResolution? Resolution, ThousandEyesError? Error)> ResolveAgentsAsync(PlannedTest test, CancellationToken cancellationToken)
    {
        var selector = test.Plan.Agents;
        if (selector.Ids.Count > 0 || selector.IsEmpty)
        {
            return (AgentResolver.Resolve(selector, []), null);
        }

        if (selector.Labels.Count == 0)
        {
            var agents = await client.GetAgentsAsync(test.Plan.AccountGroupId, cancellationToken).ConfigureAwait(false);
            return agents.IsSuccess ? (AgentResolver.Resolve(selector, agents.Value!), null) : (null, agents.Error);
        }

        // Labels are asked of the API (one label at a time: alternatives), which knows them even where its agent
        // list does not show them; the other criteria then narrow what came back.
        var labelled = new Dictionary<string, ThousandEyesAgent>(StringComparer.Ordinal);
        foreach (var label in selector.Labels)
        {
            var agents = await client.GetAgentsWithLabelAsync(label, test.Plan.AccountGroupId, cancellationToken).ConfigureAwait(false);
            if (!agents.IsSuccess)
            {
                return (null, agents.Error);
            }

            foreach (var agent in agents.Value!)
            {
                labelled.TryAdd(agent.Id, agent);
            }
        }

        return (AgentResolver.ResolveAmongLabelled(selector, [.. labelled.Values]), null);
    }

    /// <summary>
    /// The credential could not be read for now (Key Vault not answering, throttling): wait for it rather than burn the
    /// message's deliveries — abandoned, it would come back at once and be dead-lettered after MaxDeliveryCount tries
    /// inside the outage, as a storage outage did before its back-off. Null for any other error.
    /// </summary>
    private PlanResult.NotYet? CredentialWait(ThousandEyesError? error) =>
        error is CredentialsUnavailableError { IsTransient: true } unavailable
            ? new PlanResult.NotYet(timeProvider.GetUtcNow() + CredentialRetryAfter, $"the ThousandEyes credential could not be read for now ({unavailable.Reason}); trying again in {CredentialRetryAfter.TotalSeconds:0} s")
            : null;

    private async Task<PlanResult> FailureAsync(ThousandEyesError error, PlannedTest test, IntakeContext context, CancellationToken cancellationToken)
    {
        switch (error)
        {
            case RateLimitedError limited:
                return new PlanResult.NotYet(limited.Until, "ThousandEyes answered 429");
            case CredentialsUnavailableError { IsTransient: true }:
                return CredentialWait(error)!;
            case UnauthorizedError or ForbiddenError:
                circuit.Open(options.Value.CredentialCircuitOpenFor);
                Log.CredentialsRejected(logger, error.Message, options.Value.CredentialCircuitOpenFor, context.CorrelationId);
                return new PlanResult.Failed(error.Message);
            case ValidationFailedError validation:
                return new PlanResult.Rejected(RejectionFor(validation.Problems));
            case BadRequestError or NotFoundError:
                return new PlanResult.Rejected(new Rejection(
                    RejectionReasons.ThousandEyesRejected,
                    $"ThousandEyes refused the {test.Plan.TestType} test for {test.Plan.Target} (rule '{test.Plan.Rule}'): {error.Message}"));
            default:
                return new PlanResult.Failed(error.Message);
        }
    }

    /// <summary>
    /// The request sent to ThousandEyes for a plan once its agents are chosen. Public so the CLI's dry run prints
    /// exactly what the intake would send.
    /// </summary>
    /// <param name="originalMessageId">The alert message's original id: with <paramref name="enqueuedAt"/> it makes the test name unique per intake.</param>
    /// <param name="enqueuedAt">When the message was enqueued (stable across its redeliveries).</param>
    public static InstantTestRequest RequestFor(
        PlannedTest test,
        IEnumerable<string> agentIds,
        string testNamePrefix,
        string? originalMessageId = null,
        DateTimeOffset? enqueuedAt = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        return InstantTestRequest.Create(
            test.Plan.TestType,
            (JsonObject)test.Plan.Fields.DeepClone(),
            agentIds,
            TestNameFor(test, testNamePrefix, originalMessageId, enqueuedAt),
            test.Plan.AccountGroupId);
    }

    /// <summary>
    /// ThousandEyes refused the test name as already used in the account group. Unverified against the real API (its
    /// wording is not documented): a 400 whose field errors name testName, or whose message says testName is already
    /// used, taken or not unique (the simulator answers DUPLICATE_NAME on testName).
    /// </summary>
    internal static bool IsNameTaken(ThousandEyesError error)
    {
        if (error is not BadRequestError { StatusCode: 400 } refused)
        {
            return false;
        }

        if (refused.Problem?.Errors.Any(e => string.Equals(e.Field, "testName", StringComparison.OrdinalIgnoreCase)) == true)
        {
            return true;
        }

        var text = refused.Message;
        return text.Contains("testName", StringComparison.OrdinalIgnoreCase)
               && (text.Contains("already", StringComparison.OrdinalIgnoreCase) || text.Contains("unique", StringComparison.OrdinalIgnoreCase)
                   || text.Contains("taken", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The rejection (and so the dead-letter reason) for a request the client's validation refuses.</summary>
    public static Rejection RejectionFor(IReadOnlyList<ValidationProblem> problems) => new(
        problems.Any(p => p.Field == "testType") ? RejectionReasons.UnsupportedTestType : RejectionReasons.InvalidField,
        string.Join("; ", problems));

    private static string TestNameFor(PlannedTest test, string testNamePrefix, string? originalMessageId, DateTimeOffset? enqueuedAt)
    {
        // Names must be unique per account group (the API refuses a name in use). An intake is one message as
        // enqueued: the suffix hashes its original id, the plan key and its enqueue instant, so redeliveries of the
        // message keep the name (and meet it if a crash lost the ledger's record: see IsNameTaken), while the same
        // content sent again (a second `alertprobe run`, a re-sent manual request) is a new intake with a new name.
        var name = test.Plan.TestName is { Length: > 0 } given
            ? given
            : $"{testNamePrefix} {test.Plan.TestType} {test.Plan.Target}";
        if (name.Length > 80)
        {
            name = name[..80];
        }

        var suffix = originalMessageId is null
            ? test.PlanKey[..8]
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                enqueuedAt is { } at
                    ? $"{originalMessageId}/{test.PlanKey}/{at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
                    : $"{originalMessageId}/{test.PlanKey}")))[..8];
        return $"{name} [{suffix}]";
    }

    private InstantTestCreated ToMessage(CreatedInstantTest created, PlannedTest test, IntakeContext context)
    {
        var plan = test.Plan;
        return new InstantTestCreated
        {
            TestId = created.TestId,
            TestType = created.Type.Name,
            TestName = created.TestName ?? TestNameFor(test, options.Value.TestNamePrefix, context.OriginalMessageId, context.EnqueuedAt),
            ApiVersion = created.ApiVersion == ThousandEyesApiVersion.V6 ? InstantTestApiVersion.V6 : InstantTestApiVersion.V7,
            Target = plan.Target,
            Agents = [.. created.Agents.Select(a => new TestAgentRef { AgentId = a.AgentId, AgentName = a.AgentName })],
            CreatedAt = created.CreatedDate ?? timeProvider.GetUtcNow(),
            Run = 0,
            ResultLinks = [.. created.ResultLinks.Select(l => new Messages.ResultLink
            {
                Family = l.Family?.Name ?? "data",
                Href = new Uri(l.Href, UriKind.RelativeOrAbsolute),
            })],
            AccountGroupId = created.AccountGroupId ?? plan.AccountGroupId,
            Trigger = new TestTrigger
            {
                Source = plan.Source,
                AlertId = plan.AlertId,
                Rule = plan.Rule,
                Severity = plan.Severity,
                OriginalMessageId = context.OriginalMessageId,
                CorrelationId = context.CorrelationId,
            },
            FollowUp = FollowUpInstructions.From(plan.FollowUp),
            ReplyTo = context.ReplyFor(plan.AlertId),
            WriteBack = plan.WriteBack,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Created {TestType} instant test {TestId} for {Target} (alert {AlertId}, rule {Rule}, correlation {CorrelationId})")]
        public static partial void Created(ILogger logger, string testId, string testType, string target, string alertId, string rule, string correlationId);

        [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Alert {AlertId} coalesced onto test {TestId} (key {CoalescingKey}, correlation {CorrelationId})")]
        public static partial void Coalesced(ILogger logger, string alertId, string coalescingKey, string testId, string correlationId);

        [LoggerMessage(EventId = 302, Level = LogLevel.Critical, Message = "ThousandEyes rejected the credentials after a fresh secret read: {Error}. Intake stops calling ThousandEyes for {CircuitOpenFor} (correlation {CorrelationId}); check the token in Key Vault")]
        public static partial void CredentialsRejected(ILogger logger, string error, TimeSpan circuitOpenFor, string correlationId);

        [LoggerMessage(EventId = 303, Level = LogLevel.Warning, Message = "Created test {TestId} but the intake lease of message {MessageId} had passed to another delivery (correlation {CorrelationId})")]
        public static partial void LeaseLost(ILogger logger, string testId, string messageId, string correlationId);

        [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "ThousandEyes already has a test named {TestName}, this intake's own name: an earlier delivery of message {MessageId} created it but its record was lost; not creating it again (correlation {CorrelationId})")]
        public static partial void AlreadyCreatedByName(ILogger logger, string testName, string messageId, string correlationId);

        [LoggerMessage(EventId = 306, Level = LogLevel.Warning, Message = "Alert {AlertId} (message {MessageId}) was coalesced onto a pending test for {CoalescingKey} that was refused ({Reason}); it is refused with it (reply address: {HasReply}, correlation {CorrelationId})")]
        public static partial void CoalescedAlertRefused(ILogger logger, string alertId, string messageId, string coalescingKey, string reason, bool hasReply, string correlationId);

        [LoggerMessage(EventId = 307, Level = LogLevel.Error, Message = "Created test {TestId} for message {MessageId} but storage failed recording it (HTTP {Status}); settling it anyway so it is followed up (correlation {CorrelationId})")]
        public static partial void RecordFailed(ILogger logger, Exception exception, string testId, string messageId, int status, string correlationId);

        [LoggerMessage(EventId = 308, Level = LogLevel.Error, Message = "Created test {TestId} for message {MessageId} (recorded: {Recorded}) but storage failed completing its claim (HTTP {Status}); the message's copy carries the test to settle it (correlation {CorrelationId})")]
        public static partial void ClaimCompletionFailed(ILogger logger, Exception exception, string testId, string messageId, int status, bool recorded, string correlationId);

        [LoggerMessage(EventId = 309, Level = LogLevel.Information, Message = "Settling test {TestId}, created by an earlier delivery of message {MessageId} and carried on its copy (correlation {CorrelationId})")]
        public static partial void SettlingCarried(ILogger logger, string testId, string messageId, string correlationId);

        [LoggerMessage(EventId = 311, Level = LogLevel.Error, Message = "Publishing test {TestId} of message {MessageId} without the alerts that may have coalesced onto its claim: its copy could not be scheduled; those alerts stay on the claim (correlation {CorrelationId})")]
        public static partial void PublishingWithoutRiders(ILogger logger, string testId, string messageId, string correlationId);

        [LoggerMessage(EventId = 312, Level = LogLevel.Warning, Message = "Published test {TestId} for message {MessageId} but storage failed marking it published (HTTP {Status}); a redelivery would republish it, which the topic drops as a duplicate (correlation {CorrelationId})")]
        public static partial void MarkPublishedFailed(ILogger logger, Exception exception, string testId, string messageId, int status, string correlationId);

        [LoggerMessage(EventId = 304, Level = LogLevel.Warning, Message = "Created test {TestId} for message {MessageId} but could not publish it; the message is abandoned and its redelivery republishes (correlation {CorrelationId})")]
        public static partial void PublishFailed(ILogger logger, Exception exception, string testId, string messageId, string correlationId);
    }
}
