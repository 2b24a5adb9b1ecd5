using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Ingress;
using AlertProbe.Core.Ingress.Chat;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;
using AlertProbe.Core.Rules;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Security;

/// <summary>
/// The hostile address corpus (<c>Security/Corpus/addresses.json</c>): every case is refused with its dead-letter
/// reason and a description naming the field, and — run through the real intake — never reaches ThousandEyes and
/// publishes nothing.
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class AddressesCorpusTests(AzuriteFixture azurite)
{
    private static readonly Lazy<JsonArray> Corpus = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Security", "Corpus", "addresses.json")))!["cases"]!.AsArray());

    private static readonly Lazy<IntakePlanner> Planner = new(() => new IntakePlanner(
        new AlertPayloadParser(),
        new RulePlanner(RuleSetLoader.Load(IntakeRules.Yaml, "intake rules").RuleSet!),
        new TargetPolicy(new TargetPolicyOptions())));

    public static TheoryData<string> CaseIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var entry in Corpus.Value)
            {
                data.Add(entry!["id"]!.GetValue<string>());
            }

            return data;
        }
    }

    [Fact]
    public void The_corpus_holds_at_least_150_cases_over_queue_bodies_alerts_and_chat_commands()
    {
        var entries = Corpus.Value.Select(c => c!["entry"]!.GetValue<string>()).ToList();

        Assert.True(entries.Count >= 150, $"{entries.Count} cases");
        Assert.Equal(["alertmanager", "manual", "slack"], entries.Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void A_hostile_address_is_refused_with_its_reason_naming_the_field(string id)
    {
        var entry = Case(id);
        var expect = entry["expect"]!;
        var body = Body(entry);
        if (body is null)
        {
            Assert.Equal("chat-refused", expect["outcome"]?.GetValue<string>());
            return;
        }

        var plan = Planner.Value.Plan(body, new PayloadHints { MessageId = id });

        Assert.Empty(plan.Tests);
        var rejection = plan.PayloadRejection ?? (plan.Rejections.Count > 0 ? plan.Rejections[0] : null);
        Assert.NotNull(rejection);
        Assert.Equal(expect["reason"]!.GetValue<string>(), rejection.Reason);
        Assert.Contains(expect["field"]!.GetValue<string>() + ":", rejection.Description, StringComparison.Ordinal);
        Assert.Contains(expect["contains"]!.GetValue<string>(), rejection.Description, StringComparison.Ordinal);
    }

    /// <summary>
    /// Ingress (chat and webhook) judges a manual request or chat command before queueing it with the same reading and
    /// policies as the intake, so it refuses each such case with the intake's reason and field. Alertmanager cases are
    /// planned by rules, which only the intake applies; ingress leaves those to it.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Ingress_refuses_a_hostile_manual_request_or_chat_command_as_the_intake_would(string id)
    {
        var entry = Case(id);
        var body = Body(entry);
        var screen = new ManualRequestPolicy(new AlertPayloadParser(), new TargetPolicy(new TargetPolicyOptions()), ReplyPolicy.Default);

        var alertmanager = entry["entry"]!.GetValue<string>() == "alertmanager";
        var hints = new PayloadHints { Source = alertmanager ? IngressSources.Alertmanager : IngressSources.Manual };

        var rejection = body is null ? null : screen.Check(body, hints);

        if (body is null || alertmanager)
        {
            Assert.Null(rejection);
            return;
        }

        var expect = entry["expect"]!;
        Assert.NotNull(rejection);
        Assert.Equal(expect["reason"]!.GetValue<string>(), rejection.Reason);
        Assert.Contains(expect["field"]!.GetValue<string>() + ":", rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_case_of_the_corpus_reaches_thousandeyes_or_publishes_anything()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        var failures = new List<string>();
        foreach (var entry in Corpus.Value)
        {
            var id = entry!["id"]!.GetValue<string>();
            if (Body(entry) is not { } body)
            {
                continue;
            }

            var outcome = await host.HandleAsync(AlertPayloads.Message(BinaryData.FromBytes(body), "corpus-" + id));
            var expected = entry["expect"]!["reason"]!.GetValue<string>();
            if (outcome is not IntakeOutcome.DeadLettered dead || dead.Reason != expected)
            {
                failures.Add($"{id}: {outcome} (expected dead-letter {expected})");
            }
        }

        Assert.Empty(failures);
        Assert.Empty(host.CreateRequests);
        Assert.Empty(host.Published);
    }

    private static JsonNode Case(string id) => Corpus.Value.Single(c => c!["id"]!.GetValue<string>() == id)!;

    /// <summary>The queue body a case becomes; null for a chat command the chat parser refuses (nothing is queued).</summary>
    private static byte[]? Body(JsonNode entry)
    {
        switch (entry["entry"]!.GetValue<string>())
        {
            case "manual":
                return Encoding.UTF8.GetBytes(entry["body"]!.ToJsonString());
            case "alertmanager":
                return AlertPayloads.Alertmanager(new BlackboxAlert(entry["instance"]!.GetValue<string>(), "fp-" + entry["id"]!.GetValue<string>())).ToArray();
            case "slack":
                if (ChatCommandParser.Parse(entry["text"]!.GetValue<string>()) is not ChatParseResult.Parsed parsed)
                {
                    return null;
                }

                var responseUrl = new Uri(entry["responseUrl"]?.GetValue<string>() ?? "https://hooks.slack.com/commands/T1/2/token");
                return ManualRequestWriter.Write(parsed.Command, new ChatReplyAddress(IngressSources.Slack, responseUrl), new ChatIngressOptions());
            default:
                throw new JsonException($"unknown entry kind in case {entry["id"]}");
        }
    }
}
