using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// The pure parts of the creator: the request's test name (unique per intake, stable across its redeliveries), how a
/// refused name is recognised, and the rejection a validation failure becomes.
/// </summary>
public sealed class InstantTestCreatorRequestTests
{
    private static readonly DateTimeOffset Enqueued = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static PlannedTest Planned(string target = "https://shop.example.com/", string? testName = null) => PlannedTest.For(new TestPlan
    {
        Rule = "blackbox-url",
        AlertId = "fp-shop",
        Source = AlertSource.Alertmanager,
        Severity = AlertSeverity.Critical,
        TestType = "http-server",
        Target = target,
        Fields = new JsonObject { ["url"] = target },
        Agents = new AgentSelector { Ids = ["113"] },
        TestName = testName,
    });

    private static string NameOf(PlannedTest test, string? messageId = "msg-1", DateTimeOffset? enqueuedAt = null) =>
        InstantTestCreator.RequestFor(test, ["113"], "alertprobe", messageId, enqueuedAt ?? Enqueued).TestName!;

    [Fact]
    public void Without_a_given_name_the_name_is_the_prefix_the_type_and_the_target_then_an_eight_hex_digit_suffix()
    {
        var name = NameOf(Planned());

        Assert.Matches(@"^alertprobe http-server https://shop\.example\.com/ \[[0-9a-f]{8}\]$", name);
    }

    [Fact]
    public void A_name_given_by_the_plan_replaces_the_prefix_type_and_target()
    {
        var name = NameOf(Planned(testName: "checkout probe"));

        Assert.Matches(@"^checkout probe \[[0-9a-f]{8}\]$", name);
    }

    [Fact]
    public void An_empty_given_name_falls_back_to_the_generated_one()
    {
        Assert.StartsWith("alertprobe http-server ", NameOf(Planned(testName: "")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(79, 79)]
    [InlineData(80, 80)]
    [InlineData(81, 80)]
    [InlineData(200, 80)]
    public void The_name_before_its_suffix_is_cut_to_80_characters(int given, int kept)
    {
        var name = NameOf(Planned(testName: new string('n', given)));

        Assert.Equal(new string('n', kept) + " [", name[..(kept + 2)]);
        Assert.Equal(kept + " [12345678]".Length, name.Length);
    }

    [Fact]
    public void Every_delivery_of_one_message_gets_the_same_name()
    {
        Assert.Equal(NameOf(Planned()), NameOf(Planned()));
    }

    [Fact]
    public void Another_message_id_gets_another_name()
    {
        Assert.NotEqual(NameOf(Planned(), "msg-1"), NameOf(Planned(), "msg-2"));
    }

    [Fact]
    public void The_same_message_id_enqueued_at_another_instant_gets_another_name()
    {
        Assert.NotEqual(NameOf(Planned()), NameOf(Planned(), enqueuedAt: Enqueued.AddTicks(1)));
    }

    [Fact]
    public void Without_an_enqueue_instant_the_name_still_depends_on_the_message_id()
    {
        var test = Planned();
        string Name(string id) => InstantTestCreator.RequestFor(test, ["113"], "alertprobe", id).TestName!;

        Assert.NotEqual(Name("msg-1"), Name("msg-2"));
        Assert.NotEqual(Name("msg-1"), NameOf(test, "msg-1"));
    }

    [Fact]
    public void Without_a_message_id_the_suffix_is_the_start_of_the_plan_key()
    {
        var test = Planned();

        var name = InstantTestCreator.RequestFor(test, ["113"], "alertprobe").TestName!;

        Assert.EndsWith($" [{test.PlanKey[..8]}]", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_plans_of_one_message_get_different_names()
    {
        Assert.NotEqual(NameOf(Planned(testName: "same")), NameOf(Planned("https://other.example.com/", testName: "same")));
    }

    [Fact]
    public void The_request_carries_the_plans_fields_and_agents_and_leaves_the_plan_untouched()
    {
        var test = Planned();

        var request = InstantTestCreator.RequestFor(test, ["113", "114"], "alertprobe");
        request.Fields["url"] = "https://changed.example.com/";

        Assert.Equal("https://shop.example.com/", test.Plan.Fields["url"]!.GetValue<string>());
        Assert.Equal(["113", "114"], request.Agents.Select(a => a.AgentId));
    }

    public static TheoryData<string, ThousandEyesError, bool> NameRefusals => new()
    {
        { "field error on testName", new BadRequestError(400, Problem(new ProblemFieldError { Field = "testName", Code = "DUPLICATE_NAME" }), null), true },
        { "field error on TESTNAME", new BadRequestError(400, Problem(new ProblemFieldError { Field = "TESTNAME", Code = "DUPLICATE_NAME" }), null), true },
        { "v6 text: already", new BadRequestError(400, null, "testName is already in use"), true },
        { "v6 text: unique", new BadRequestError(400, null, "TestName must be unique in the account group"), true },
        { "v6 text: taken", new BadRequestError(400, null, "the testName given is taken"), true },
        { "field error on another field", new BadRequestError(400, Problem(new ProblemFieldError { Field = "url", Code = "INVALID" }), null), false },
        { "testName named but not as used", new BadRequestError(400, null, "testName is too long"), false },
        { "already used, no testName", new BadRequestError(400, null, "this url is already used"), false },
        { "422 on testName", new BadRequestError(422, Problem(new ProblemFieldError { Field = "testName", Code = "DUPLICATE_NAME" }), null), false },
        { "404", new NotFoundError("/v7/tests/http-server/instant", "testName already used"), false },
    };

    [Theory]
    [MemberData(nameof(NameRefusals))]
    public void A_refused_name_is_a_400_naming_testName_as_already_used(string _, ThousandEyesError error, bool taken)
    {
        Assert.Equal(taken, InstantTestCreator.IsNameTaken(error));
    }

    [Fact]
    public void A_validation_problem_on_the_test_type_is_an_unsupported_test_type()
    {
        var rejection = InstantTestCreator.RejectionFor([new("url", "url is required"), new("testType", "testType bgp is not available")]);

        Assert.Equal(RejectionReasons.UnsupportedTestType, rejection.Reason);
        Assert.Equal("url is required; testType bgp is not available", rejection.Description);
    }

    [Fact]
    public void Validation_problems_on_fields_are_an_invalid_field()
    {
        var rejection = InstantTestCreator.RejectionFor([new("port", "port must be an integer"), new("url", "url is required")]);

        Assert.Equal(RejectionReasons.InvalidField, rejection.Reason);
        Assert.Equal("port must be an integer; url is required", rejection.Description);
    }

    private static ThousandEyesProblemDetails Problem(params ProblemFieldError[] errors) => new() { Title = "Bad Request", Status = 400, Errors = errors };
}
