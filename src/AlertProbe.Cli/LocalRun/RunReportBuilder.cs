using System.Text.Json;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Messages;

namespace AlertProbe.Cli.LocalRun;

/// <summary>
/// Builds the run's report from what happened on the bus: the <c>InstantTestCreated</c> runs published on
/// <c>instant-tests</c>, the <c>InstantTestResults</c> on <c>test-results</c>, and each delivery's settlement.
/// </summary>
internal static class RunReportBuilder
{
    public const string TimedOutReason = "TimedOut";
    public const string InterruptedReason = "Interrupted";

    public static RunDocument Build(
        InMemoryMessageBus bus,
        MessagingOptions names,
        IReadOnlyList<Delivery> deliveries,
        IReadOnlyList<QueuedPayload> payloads,
        RunEnd end,
        TimeSpan timeout,
        RulesInEffect rules,
        RunActivity? inFlight = null,
        string? latestCause = null)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(names);
        var files = payloads.Where(p => !p.Duplicate).GroupBy(p => p.MessageId).ToDictionary(g => g.Key, g => g.First().File, StringComparer.Ordinal);

        var runs = bus.History(names.InstantTestsTopicName)
            .Where(m => m.Message.Subject == MessageSubjects.InstantTestCreated)
            .Select(m => MessageEnvelope.ReadInstantTestCreated(m.Message.Body).Message)
            .OfType<InstantTestCreated>()
            .DistinctBy(c => (c.TestId, c.Run))
            .ToList();
        var results = bus.History(names.TestResultsTopicName)
            .Select(m => MessageEnvelope.ReadInstantTestResults(m.Message.Body).Message)
            .OfType<InstantTestResults>()
            .GroupBy(r => (r.TestId, r.Run))
            .ToDictionary(g => g.Key, g => g.Last());

        var tests = runs
            .GroupBy(c => c.TestId, StringComparer.Ordinal)
            .Select(g => ToTest([.. g.OrderBy(c => c.Run)], results, files))
            .ToList();

        var rejections = deliveries
            .Where(d => d.Handler == Delivery.Intake && d.Outcome is IntakeOutcome.DeadLettered { Reason: not Delivery.MaxDeliveryCountExceeded })
            .Select(d => (d, (IntakeOutcome.DeadLettered)d.Outcome))
            .Select(x => new RunRejection { Payload = files.GetValueOrDefault(x.d.OriginalMessageId), Reason = x.Item2.Reason, Description = x.Item2.Description })
            .ToList();

        var errors = deliveries
            .Where(d => d.Outcome is IntakeOutcome.DeadLettered dead && (d.Handler != Delivery.Intake || dead.Reason == Delivery.MaxDeliveryCountExceeded))
            .Select(d => (d, (IntakeOutcome.DeadLettered)d.Outcome))
            .Select(x => new RunError
            {
                Stage = x.d.Handler,
                MessageId = x.d.Message.Message.MessageId,
                Reason = x.Item2.Reason,
                Description = x.d.Cause is { } cause && !x.Item2.Description.Contains(cause, StringComparison.Ordinal)
                    ? $"{x.Item2.Description}; cause: {cause}"
                    : x.Item2.Description,
                Cause = x.d.Cause,
            })
            .ToList();
        if (end != RunEnd.Idle)
        {
            // What kept the run busy: the delivery in progress, the last failed one, and the latest cause seen.
            var failed = deliveries.LastOrDefault(d => d.Outcome is IntakeOutcome.Abandoned);
            var cause = failed?.Cause ?? latestCause;
            var busy = inFlight is null
                ? string.Empty
                : string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"; {inFlight.Handler} of {(inFlight.Handler == Delivery.Intake ? files.GetValueOrDefault(Original(inFlight.Message), inFlight.Message.Message.MessageId) : inFlight.Message.Message.MessageId)} was in progress (delivery {inFlight.DeliveryCount})");
            var lastError = failed?.Outcome is IntakeOutcome.Abandoned abandoned
                ? $"; last error ({failed.Handler}, delivery {failed.DeliveryCount}): {abandoned.Error}"
                : string.Empty;
            lastError = busy + lastError + (cause is null ? string.Empty : $"; cause: {cause}");
            errors.Add(new RunError
            {
                Stage = "run",
                MessageId = null,
                Reason = end == RunEnd.TimedOut ? TimedOutReason : InterruptedReason,
                Description = end == RunEnd.TimedOut
                    ? $"stopped after {Mapping.MapRenderer.Duration(timeout)} (--timeout) with messages still pending{lastError}"
                    : $"interrupted with messages still pending{lastError}",
                Cause = cause,
            });
        }

        return new RunDocument
        {
            Rules = rules,
            Tests = tests,
            Rejections = rejections,
            Payloads = [.. payloads.Select(p => ToPayload(p, deliveries))],
            Errors = errors,
        };
    }

    private static string Original(BusMessage message) =>
        message.Message.ApplicationProperties.TryGetValue(MessageProperties.OriginalMessageId, out var value) && value is string { Length: > 0 } id
            ? id
            : message.Message.MessageId;

    private static RunTest ToTest(
        List<InstantTestCreated> runs, Dictionary<(string, int), InstantTestResults> results, Dictionary<string, string> files)
    {
        var first = runs[0];
        var latest = runs
            .Select(r => results.GetValueOrDefault((r.TestId, r.Run)))
            .LastOrDefault(r => r is not null);
        // An agent has one entry per measurement (per DNS server of a dns-server test, per direction): it shows its worst.
        var agentVerdicts = latest?.Agents
            .GroupBy(a => a.AgentId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.OrderByDescending(a => Severity(a.Verdict)).First(), StringComparer.Ordinal) ?? [];
        return new RunTest
        {
            TestId = first.TestId,
            TestType = first.TestType,
            Target = first.Target,
            Agents = [.. first.Agents.Select(a => new RunAgent
            {
                AgentId = a.AgentId,
                AgentName = a.AgentName ?? agentVerdicts.GetValueOrDefault(a.AgentId)?.AgentName,
                CountryId = agentVerdicts.GetValueOrDefault(a.AgentId)?.CountryId,
                Verdict = agentVerdicts.GetValueOrDefault(a.AgentId) is { } agent ? Name(agent.Verdict) : null,
            })],
            Verdict = latest is null ? null : Name(latest.Verdict),
            Reasons = latest?.Reasons ?? [],
            Location = latest?.Location is { } location
                ? new RunLocation { Layer = location.Layer, Rule = location.Rule, Summary = location.Summary, Evidence = location.Evidence }
                : null,
            Rule = first.Trigger.Rule,
            AlertId = first.Trigger.AlertId,
            Payload = files.GetValueOrDefault(first.Trigger.OriginalMessageId),
            Runs = [.. runs.Select(r => results.GetValueOrDefault((r.TestId, r.Run)) is { } collected
                ? new RunOfTest { Run = r.Run, CreatedAt = r.CreatedAt, Verdict = Name(collected.Verdict), Reasons = collected.Reasons }
                : new RunOfTest { Run = r.Run, CreatedAt = r.CreatedAt, Verdict = null, Reasons = [] })],
        };
    }

    private static RunPayload ToPayload(QueuedPayload payload, IReadOnlyList<Delivery> deliveries)
    {
        if (payload.Duplicate)
        {
            return new RunPayload
            {
                File = payload.File,
                MessageId = payload.MessageId,
                Outcome = "duplicate",
                Detail = "same body as an earlier payload: the queue's duplicate detection dropped it",
            };
        }

        var last = deliveries.LastOrDefault(d => d.Handler == Delivery.Intake && d.OriginalMessageId == payload.MessageId);
        var (outcome, detail) = last?.Outcome switch
        {
            IntakeOutcome.Completed completed => ("completed", completed.Reason),
            IntakeOutcome.DeadLettered dead => ("deadLettered", $"{dead.Reason}: {dead.Description}"),
            IntakeOutcome.Rescheduled rescheduled => ("pending", $"rescheduled for {rescheduled.At:O}: {rescheduled.Reason}"),
            IntakeOutcome.Abandoned abandoned => ("pending", $"abandoned, to be delivered again: {abandoned.Error}"),
            _ => ("pending", "not handled before the run stopped"),
        };
        return new RunPayload { File = payload.File, MessageId = payload.MessageId, Outcome = outcome, Detail = detail };
    }

    private static int Severity(TestVerdict verdict) => verdict switch
    {
        TestVerdict.Failing => 3,
        TestVerdict.Degraded => 2,
        TestVerdict.Inconclusive => 1,
        _ => 0,
    };

    private static string Name(TestVerdict verdict) => JsonNamingPolicy.CamelCase.ConvertName(verdict.ToString());
}
