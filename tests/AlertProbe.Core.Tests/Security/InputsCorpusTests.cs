using System.Text;
using System.Text.Json;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;
using AlertProbe.Core.Rules;
using AlertProbe.Testing;

namespace AlertProbe.Core.Tests.Security;

/// <summary>
/// The hostile queue-body corpus (Security/Corpus/inputs.json, issue 9): every case through the intake's pure half
/// (parse, rules, policy) with the sample rules. Each gets its expected dead-letter reason; none throws; a refused
/// case plans nothing, so nothing of it could reach ThousandEyes.
/// </summary>
public sealed class InputsCorpusTests
{
    private static readonly Lazy<IntakePlanner> Planner = new(() =>
    {
        var rules = RuleSetLoader.LoadFile(RepositoryRoot.Combine("samples", "rules.yaml"));
        Assert.True(rules.IsSuccess, rules.ToString());
        return new IntakePlanner(new AlertPayloadParser(), new RulePlanner(rules.RuleSet), new TargetPolicy(new TargetPolicyOptions()));
    });

    private static readonly Lazy<IReadOnlyList<JsonElement>> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Security", "Corpus", "inputs.json")));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(item => item.Clone())];
    });

    public static TheoryData<string> CaseNames => new(Cases.Value.Select(item => item.GetProperty("name").GetString()!));

    [Fact]
    public void The_corpus_has_at_least_150_cases_with_distinct_names()
    {
        Assert.True(Cases.Value.Count >= 150, $"{Cases.Value.Count} cases");
        Assert.Equal(Cases.Value.Count, CaseNames.Count);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Hostile_queue_body_gets_its_expected_dead_letter_reason_and_plans_nothing(string name)
    {
        var item = Cases.Value.Single(c => c.GetProperty("name").GetString() == name);
        var body = item.TryGetProperty("bodyBase64", out var encoded)
            ? Convert.FromBase64String(encoded.GetString()!)
            : Encoding.UTF8.GetBytes(item.GetProperty("body").GetString()!);
        var hints = new PayloadHints
        {
            Source = item.TryGetProperty("source", out var source) ? source.GetString() : null,
            ContentType = item.TryGetProperty("contentType", out var contentType) ? contentType.GetString() : null,
            MessageId = "corpus",
        };
        var expect = item.GetProperty("expect");

        var plan = Planner.Value.Plan(body, hints);

        var rejection = plan.PayloadRejection ?? (plan.Rejections.Count > 0 ? plan.Rejections[0] : null);
        Assert.True(rejection is not null, $"{name}: accepted ({plan.Tests.Count} tests), expected {expect.GetProperty("reason").GetString()}");
        Assert.Equal(expect.GetProperty("reason").GetString(), rejection.Reason);
        if (expect.TryGetProperty("descriptionContains", out var fragment))
        {
            Assert.Contains(fragment.GetString()!, rejection.Description, StringComparison.Ordinal);
        }

        Assert.Empty(plan.Tests);
    }
}
