using System.Text.Json.Nodes;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// Plans refused for good before or by ThousandEyes: the client's own validation (nothing sent, no budget spent) and
/// ThousandEyes' 400/404 answers; each dead-letters with its reason and gives the coalescing key up for the next alert.
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeRefusalTests(AzuriteFixture azurite)
{
    private static BinaryData Portal(JsonObject? extra = null)
    {
        var fields = new JsonObject { ["url"] = "https://portal.example.net/" };
        foreach (var (name, value) in extra ?? [])
        {
            fields[name] = value?.DeepClone();
        }

        return AlertPayloads.Manual(fields);
    }

    private static readonly BinaryData NotAField = Portal(new JsonObject { ["colour"] = "blue" });

    [Fact]
    public async Task A_field_the_test_type_does_not_have_is_refused_by_validation_as_invalid_field_without_calling_create()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        var outcome = await host.HandleAsync(AlertPayloads.Message(NotAField, "msg-colour"));

        var deadLettered = Assert.IsType<IntakeOutcome.DeadLettered>(outcome);
        Assert.Equal(RejectionReasons.InvalidField, deadLettered.Reason);
        Assert.Contains("colour", deadLettered.Description, StringComparison.Ordinal);
        Assert.Empty(host.CreateRequests);
    }

    [Fact]
    public async Task A_plan_refused_by_validation_spends_none_of_the_instant_test_budget()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Settings["RateBudget:Limit"] = "1");
        await host.HandleAsync(AlertPayloads.Message(NotAField, "msg-colour"));

        var outcome = await host.HandleAsync(AlertPayloads.Message(AlertPayloads.Manual(new JsonObject { ["url"] = "https://other.example.net/" }), "msg-other"));

        Assert.IsType<IntakeOutcome.Completed>(outcome);
        Assert.Single(host.State.CreatedTests);
    }

    [Fact]
    public async Task After_a_validation_refusal_a_valid_request_for_the_same_key_creates_its_test_at_once()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        await host.HandleAsync(AlertPayloads.Message(NotAField, "msg-colour"));

        var outcome = await host.HandleAsync(AlertPayloads.Message(Portal(), "msg-portal"));

        Assert.StartsWith("created ", Assert.IsType<IntakeOutcome.Completed>(outcome).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    public async Task A_create_thousandeyes_refuses_dead_letters_as_thousandeyes_rejected_naming_the_test(int status)
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        host.State.FailNextRequests(status, 1, "/instant");

        var outcome = await host.HandleAsync(AlertPayloads.Message(Portal(), "msg-refused"));

        var deadLettered = Assert.IsType<IntakeOutcome.DeadLettered>(outcome);
        Assert.Equal(RejectionReasons.ThousandEyesRejected, deadLettered.Reason);
        Assert.Contains("http-server test for https://portal.example.net/", deadLettered.Description, StringComparison.Ordinal);
        Assert.Contains("rule 'manual'", deadLettered.Description, StringComparison.Ordinal);
        Assert.Single(host.CreateRequests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    public async Task After_thousandeyes_refuses_a_create_the_next_request_for_the_key_creates_its_test_at_once(int status)
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        host.State.FailNextRequests(status, 1, "/instant");
        await host.HandleAsync(AlertPayloads.Message(Portal(), "msg-refused"));

        var outcome = await host.HandleAsync(AlertPayloads.Message(Portal(), "msg-again"));

        Assert.StartsWith("created ", Assert.IsType<IntakeOutcome.Completed>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_on_a_middle_delivery_keeps_the_claim_for_the_redelivery_so_another_alert_rides_on_it()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        host.State.FailNextRequests(500, 1, "/instant");
        Assert.IsType<IntakeOutcome.Abandoned>(await host.HandleAsync(AlertPayloads.Message(Portal(), "msg-first", deliveryCount: 3)));

        var other = await host.HandleAsync(AlertPayloads.Message(Portal(), "msg-other"));

        Assert.StartsWith("coalesced onto the pending test", Assert.IsType<IntakeOutcome.Completed>(other).Reason, StringComparison.Ordinal);
        Assert.Empty(host.State.CreatedTests);
    }
}
