using AlertProbe.Core.Intake;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>Transient and credential failures abandon the message (Service Bus redelivers) and never double a test.</summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeFailureTests(AzuriteFixture azurite)
{
    private const string WrongToken = "wrong-token-5f1c9e";

    private static readonly BinaryData ShopDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://shop.example.com/health", "fp-shop"));
    private static readonly BinaryData ApiDown = AlertPayloads.Alertmanager(new BlackboxAlert("https://api.example.com/health", "fp-api"));

    [Fact]
    public async Task Credentials_that_stay_rejected_abandon_the_message_without_naming_the_token()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Settings["ThousandEyes:BearerToken"] = WrongToken);

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));

        Assert.DoesNotContain(WrongToken, Assert.IsType<IntakeOutcome.Abandoned>(outcome).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_never_appears_in_the_logs()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Settings["ThousandEyes:BearerToken"] = WrongToken);

        await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));

        Assert.DoesNotContain(host.Logs.GetSnapshot(), record =>
            record.Message.Contains(WrongToken, StringComparison.Ordinal)
            || (record.StructuredState ?? []).Any(field => field.Value?.Contains(WrongToken, StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task After_rejected_credentials_the_next_message_waits_for_the_circuit_without_calling_ThousandEyes()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options =>
        {
            options.Settings["ThousandEyes:BearerToken"] = WrongToken;
            options.Settings["Intake:CredentialCircuitOpenFor"] = "00:05:00";
        });
        await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));
        host.State.ClearReceivedRequests();

        var outcome = await host.HandleAsync(AlertPayloads.Message(ApiDown, "msg-2"));

        // Abandoned, it would come back at once and be dead-lettered after MaxDeliveryCount tries inside the open period.
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromMinutes(5), Assert.IsType<IntakeOutcome.Rescheduled>(outcome).At);
        Assert.Empty(host.State.ReceivedRequests);
    }

    [Fact]
    public async Task The_credential_circuit_closes_after_its_open_period_so_a_fixed_secret_is_used_again()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Settings["Intake:CredentialCircuitOpenFor"] = "00:02:00");
        host.State.RotateBearerToken("rotated-without-telling-us");
        await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));
        host.State.RotateBearerToken(host.Simulator.Options.BearerToken);
        host.Time.Advance(TimeSpan.FromMinutes(2));

        var redelivery = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1", deliveryCount: 2));

        Assert.IsType<IntakeOutcome.Completed>(redelivery);
        Assert.Single(host.State.CreatedTests);
    }

    [Fact]
    public async Task A_500_on_create_abandons_the_message()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        host.State.FailNextRequests(500, 1, "/instant");

        var outcome = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));

        Assert.IsType<IntakeOutcome.Abandoned>(outcome);
    }

    [Fact]
    public async Task A_500_on_create_is_not_retried_by_the_client()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        host.State.FailNextRequests(500, 1, "/instant");

        await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));

        Assert.Single(host.CreateRequests);
        Assert.Empty(host.State.CreatedTests);
    }

    [Fact]
    public async Task The_redelivery_after_a_500_on_create_creates_the_test_once()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        host.State.FailNextRequests(500, 1, "/instant");
        await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1"));

        var redelivery = await host.HandleAsync(AlertPayloads.Message(ShopDown, "msg-1", deliveryCount: 2));

        Assert.IsType<IntakeOutcome.Completed>(redelivery);
        Assert.Single(host.State.CreatedTests);
        Assert.Single(host.Published);
    }
}
