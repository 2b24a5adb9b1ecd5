using AlertProbe.Core.Rules;
using Microsoft.Extensions.Time.Testing;

namespace AlertProbe.Core.Tests.Rules;

public sealed class RuleSetProviderTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRulesSource source = new();
    private readonly RuleSetProvider provider;

    public RuleSetProviderTests() => provider = new RuleSetProvider(_ => source, clock);

    [Fact]
    public async Task A_bad_reloaded_document_keeps_the_last_good_rules_and_says_why()
    {
        source.Publish(RulesYaml.Named("good"), "v1");
        Assert.True(provider.Initialize(new RulesOptions { Path = "rules.yaml" }).IsSuccess);
        source.Publish("version: 1\nrules:\n  - name: broken\n    tests:\n      - type: bgp\n        agents: { ids: [\"1\"] }\n", "v2");
        clock.Advance(TimeSpan.FromMinutes(1));

        var outcome = await provider.ReloadAsync(CancellationToken.None);

        Assert.Equal(RulesReloadOutcome.Rejected, outcome);
        Assert.Equal(["good"], provider.Current.Rules.Select(rule => rule.Name));
        var status = provider.Status!;
        Assert.Equal("v1", status.Version);
        Assert.Equal("v2", status.RejectedVersion);
        Assert.Equal(clock.GetUtcNow(), status.RejectedAt);
        Assert.Contains(status.RejectedErrors, error => error.Line == 5 && error.Message.Contains("'bgp' is not supported", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_good_reloaded_document_replaces_the_rules_and_clears_an_earlier_refusal()
    {
        source.Publish(RulesYaml.Named("first"), "v1");
        provider.Initialize(new RulesOptions { Path = "rules.yaml" });
        source.Publish("version: 1\nrules: [", "v2");
        await provider.ReloadAsync(CancellationToken.None);
        source.Publish(RulesYaml.Named("second"), "v3");

        var outcome = await provider.ReloadAsync(CancellationToken.None);

        Assert.Equal(RulesReloadOutcome.Replaced, outcome);
        Assert.Equal(["second"], provider.Current.Rules.Select(rule => rule.Name));
        Assert.Equal("v3", provider.Status!.Version);
        Assert.Null(provider.Status.RejectedVersion);
        Assert.Empty(provider.Status.RejectedErrors);
    }

    [Fact]
    public async Task An_unchanged_or_already_refused_version_is_not_read_or_parsed_again()
    {
        source.Publish(RulesYaml.Named("good"), "v1");
        provider.Initialize(new RulesOptions { Path = "rules.yaml" });
        Assert.Equal(RulesReloadOutcome.Unchanged, await provider.ReloadAsync(CancellationToken.None));
        source.Publish("version: 1\nrules: [", "v2");
        Assert.Equal(RulesReloadOutcome.Rejected, await provider.ReloadAsync(CancellationToken.None));

        Assert.Equal(RulesReloadOutcome.Unchanged, await provider.ReloadAsync(CancellationToken.None));

        Assert.Equal(2, source.Reads);
    }

    [Fact]
    public async Task An_unreadable_source_keeps_the_rules_and_reports_the_failure_until_it_reads_again()
    {
        source.Publish(RulesYaml.Named("good"), "v1");
        provider.Initialize(new RulesOptions { Path = "rules.yaml" });
        source.Fail("cannot read the rules blob https://a.blob.core.windows.net/rules/r.yaml: HTTP 403 AuthorizationPermissionMismatch");

        Assert.Equal(RulesReloadOutcome.Unavailable, await provider.ReloadAsync(CancellationToken.None));
        Assert.Equal(["good"], provider.Current.Rules.Select(rule => rule.Name));
        Assert.Contains("HTTP 403", provider.Status!.ReadFailure, StringComparison.Ordinal);

        source.Publish(RulesYaml.Named("good"), "v1");
        Assert.Equal(RulesReloadOutcome.Unchanged, await provider.ReloadAsync(CancellationToken.None));
        Assert.Null(provider.Status!.ReadFailure);
    }

    [Fact]
    public void Initialize_reads_the_document_once_however_often_the_options_are_validated()
    {
        source.Publish(RulesYaml.Named("good"), "v1");

        provider.Initialize(new RulesOptions { Path = "rules.yaml" });
        provider.Initialize(new RulesOptions { Path = "rules.yaml" });

        Assert.Equal(1, source.Reads);
    }

    public void Dispose() => provider.Dispose();

    /// <summary>A document the test publishes versions of (the file and blob sources are tested against disk and Azurite).</summary>
    private sealed class InMemoryRulesSource : RulesDocumentSource
    {
        private RulesDocument? document;
        private string? failure;

        public int Reads { get; private set; }

        public override string Name => "memory://rules.yaml";

        public override string Kind => "memory";

        public void Publish(string text, string version)
        {
            document = new RulesDocument(text, version);
            failure = null;
        }

        public void Fail(string message) => failure = message;

        public override RulesDocument Read()
        {
            Reads++;
            return failure is null ? document! : throw new RulesDocumentUnavailableException(failure);
        }

        public override Task<string> GetVersionAsync(CancellationToken cancellationToken)
        {
            return failure is null ? Task.FromResult(document!.Version) : Task.FromException<string>(new RulesDocumentUnavailableException(failure));
        }

        public override Task<RulesDocument> ReadAsync(CancellationToken cancellationToken)
        {
            try
            {
                return Task.FromResult(Read());
            }
            catch (RulesDocumentUnavailableException exception)
            {
                return Task.FromException<RulesDocument>(exception);
            }
        }
    }
}
