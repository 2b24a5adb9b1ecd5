using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertProbe.Core.Rules;

/// <summary>
/// The one owner of the rules in use. The document is read and parsed once at start-up (the options validator and
/// the planner share that one load) and afterwards only when a reload poll sees a new version; a new version replaces
/// the rules only if it loads without errors, otherwise the last good rules stay and <see cref="Status"/> says why.
/// </summary>
public sealed partial class RuleSetProvider : IDisposable
{
    private readonly Func<RulesOptions, RulesDocumentSource?> sourceFor;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim reloading = new(1, 1);
    private string? initializedKey;
    private RuleSetLoadResult? initialResult;
    private RulesDocumentSource? source;
    private volatile State? state;

    /// <param name="sourceFor">The document the options name; null for the built-in rules.</param>
    public RuleSetProvider(Func<RulesOptions, RulesDocumentSource?> sourceFor, TimeProvider? timeProvider = null, ILogger<RuleSetProvider>? logger = null)
    {
        this.sourceFor = sourceFor ?? throw new ArgumentNullException(nameof(sourceFor));
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<RuleSetProvider>.Instance;
    }

    /// <summary>The rules to plan with; throws until <see cref="Initialize"/> succeeded.</summary>
    public RuleSet Current => state?.RuleSet
        ?? throw new InvalidOperationException("The rules are not loaded yet: resolve IOptions<RulesOptions> (start-up validation) first.");

    public RulesStatus? Status => state?.Status;

    /// <summary>
    /// Loads the rules the options name, once: later calls with the same source return the first result without
    /// reading anything. A call naming another source (options reloaded with a new path) loads that one to report
    /// on it, but the rules in use keep coming from the first.
    /// </summary>
    public RuleSetLoadResult Initialize(RulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = RulesSourceKey.Of(options);
        lock (gate)
        {
            if (initialResult is not null)
            {
                return key == initializedKey ? initialResult : LoadOnce(sourceFor(options)).Result;
            }

            var documentSource = sourceFor(options);
            var (result, document) = LoadOnce(documentSource);
            initializedKey = key;
            initialResult = result;
            source = documentSource;
            if (result.IsSuccess)
            {
                state = new State(result.RuleSet, new RulesStatus
                {
                    SourceKind = documentSource?.Kind ?? "embedded-default",
                    SourceName = documentSource?.Name ?? DefaultRuleSet.SourceName,
                    RuleCount = result.RuleSet.Rules.Count,
                    Version = document?.Version,
                    LoadedAt = timeProvider.GetUtcNow(),
                });
                Log.Loaded(logger, result.RuleSet.Rules.Count, state.Status.SourceName);
            }

            return result;
        }
    }

    /// <summary>
    /// One poll: reads the source's version and, when it is new, loads it; a document that loads replaces the rules,
    /// one that does not is recorded in <see cref="Status"/> and the rules in use stay. Never throws for a bad or
    /// unreadable document.
    /// </summary>
    public async Task<RulesReloadOutcome> ReloadAsync(CancellationToken cancellationToken)
    {
        var current = state;
        var documentSource = source;
        if (current is null || documentSource is null)
        {
            return RulesReloadOutcome.NotConfigured;
        }

        await reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = state!;
            var now = timeProvider.GetUtcNow();
            RulesDocument document;
            try
            {
                var version = await documentSource.GetVersionAsync(cancellationToken).ConfigureAwait(false);
                if (version == current.Status.Version || version == current.Status.RejectedVersion)
                {
                    Publish(current with { Status = current.Status with { LastCheckedAt = now, ReadFailure = null } });
                    return RulesReloadOutcome.Unchanged;
                }

                document = await documentSource.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RulesDocumentUnavailableException exception)
            {
                Log.Unavailable(logger, documentSource.Name, exception.Message);
                Publish(current with { Status = current.Status with { LastCheckedAt = now, ReadFailure = exception.Message } });
                return RulesReloadOutcome.Unavailable;
            }

            var result = RuleSetLoader.Load(document.Text, documentSource.Name);
            if (!result.IsSuccess)
            {
                Log.Rejected(logger, documentSource.Name, document.Version, result.Errors.Count, current.Status.RuleCount);
                Publish(current with
                {
                    Status = current.Status with
                    {
                        LastCheckedAt = now,
                        ReadFailure = null,
                        RejectedVersion = document.Version,
                        RejectedErrors = result.Errors,
                        RejectedAt = now,
                    },
                });
                return RulesReloadOutcome.Rejected;
            }

            Publish(new State(result.RuleSet, current.Status with
            {
                RuleCount = result.RuleSet.Rules.Count,
                Version = document.Version,
                LoadedAt = now,
                LastCheckedAt = now,
                ReadFailure = null,
                RejectedVersion = null,
                RejectedErrors = [],
                RejectedAt = null,
            }));
            Log.Replaced(logger, result.RuleSet.Rules.Count, documentSource.Name, document.Version);
            return RulesReloadOutcome.Replaced;
        }
        finally
        {
            reloading.Release();
        }
    }

    public void Dispose() => reloading.Dispose();

    private void Publish(State next) => state = next;

    private static (RuleSetLoadResult Result, RulesDocument? Document) LoadOnce(RulesDocumentSource? documentSource)
    {
        if (documentSource is null)
        {
            return (RuleSetLoadResult.Success(RuleSetLoader.LoadDefault()), null);
        }

        try
        {
            var document = documentSource.Read();
            return (RuleSetLoader.Load(document.Text, documentSource.Name), document);
        }
        catch (RulesDocumentUnavailableException exception)
        {
            return (RuleSetLoadResult.Failed([new RuleError(documentSource.Name, 0, 0, string.Empty, exception.Message)]), null);
        }
    }

    private sealed record State(RuleSet RuleSet, RulesStatus Status);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded {RuleCount} rules from {RulesSource}")]
        public static partial void Loaded(ILogger logger, int ruleCount, string rulesSource);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Rules reloaded: {RuleCount} rules from {RulesSource} version {RulesVersion}")]
        public static partial void Replaced(ILogger logger, int ruleCount, string rulesSource, string rulesVersion);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Rules from {RulesSource} version {RulesVersion} refused ({ErrorCount} errors); keeping the {RuleCount} rules in use")]
        public static partial void Rejected(ILogger logger, string rulesSource, string rulesVersion, int errorCount, int ruleCount);

        [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Rules source {RulesSource} could not be read ({Reason}); keeping the rules in use")]
        public static partial void Unavailable(ILogger logger, string rulesSource, string reason);
    }
}
