using System.Text.Json.Nodes;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Tests.Intake.Support;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Testing.Azurite;

namespace AlertProbe.Core.Tests.Intake;

/// <summary>
/// Agents chosen by criteria other than ids: through the account's agent list (names, countries, types, the maximum)
/// or through the API's label filter, in the plan's account group and on either API version. The simulator's agents
/// (AgentCatalog) are the data: labels Europe = 114 Frankfurt, 115 London; Asia Pacific = 116 Tokyo, 117 Sydney;
/// country US = 113 Ashburn (cloud) and 202 dc-chicago-01 (enterprise).
/// </summary>
[Collection(IntakeAzurite.Name)]
public sealed class IntakeAgentSelectionTests(AzuriteFixture azurite)
{
    private static BinaryData Request(params JsonObject[] agents) => Request(agents, extra: null);

    private static BinaryData Request(JsonObject[] agents, JsonObject? extra)
    {
        var fields = new JsonObject { ["url"] = "https://portal.example.net/", ["agents"] = new JsonArray([.. agents]) };
        foreach (var (name, value) in extra ?? [])
        {
            fields[name] = value?.DeepClone();
        }

        return AlertPayloads.Manual(fields);
    }

    private static JsonObject Criterion(string name, string value) => new() { [name] = value };

    private static long[] AgentsOf(IntakeHost host) => [.. Assert.Single(host.State.CreatedTests).Agents.Select(a => a.AgentId).Order()];

    private static int AgentListCalls(IntakeHost host, string? containing = null) =>
        host.State.ReceivedRequests.Count(r => r.Method == "GET" && r.PathAndQuery.Contains("/agents", StringComparison.Ordinal)
                                               && (containing is null || r.PathAndQuery.Contains(containing, StringComparison.Ordinal)));

    [Fact]
    public async Task An_agent_named_in_the_request_is_found_in_the_account_agent_list()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        var outcome = await host.HandleAsync(AlertPayloads.Message(Request(Criterion("agentName", "Tokyo, Japan")), "msg-name"));

        Assert.IsType<IntakeOutcome.Completed>(outcome);
        Assert.Equal([116L], AgentsOf(host));
        Assert.Equal(1, AgentListCalls(host));
    }

    [Fact]
    public async Task A_country_and_an_agent_type_together_narrow_the_agent_list_to_the_agents_matching_both()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(Request(Criterion("country", "us"), Criterion("type", "enterprise")), "msg-country"));

        Assert.Equal([202L], AgentsOf(host));
    }

    [Fact]
    public async Task A_label_is_asked_of_the_api_and_every_agent_carrying_it_is_used()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        var outcome = await host.HandleAsync(AlertPayloads.Message(Request(Criterion("label", "Europe")), "msg-label"));

        Assert.IsType<IntakeOutcome.Completed>(outcome);
        Assert.Equal([114L, 115L], AgentsOf(host));
        Assert.Equal(1, AgentListCalls(host, "labels=Europe"));
    }

    [Fact]
    public async Task Two_labels_are_alternatives_and_their_agents_are_used_together()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(Request(Criterion("label", "Europe"), Criterion("label", "Asia Pacific")), "msg-labels"));

        Assert.Equal([114L, 115L, 116L, 117L], AgentsOf(host));
    }

    [Fact]
    public async Task A_country_narrows_the_agents_a_label_brought_back()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(Request(Criterion("label", "Europe"), Criterion("country", "GB")), "msg-label-country"));

        Assert.Equal([115L], AgentsOf(host));
    }

    [Fact]
    public async Task The_maximum_keeps_the_first_agents_by_name()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(Request([Criterion("label", "Europe")], new JsonObject { ["maxAgents"] = 1 }), "msg-max"));

        // "Frankfurt, Germany" sorts before "London, England".
        Assert.Equal([114L], AgentsOf(host));
    }

    [Fact]
    public async Task Criteria_no_enabled_agent_meets_dead_letter_as_no_agents_without_a_create_call()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        var outcome = await host.HandleAsync(AlertPayloads.Message(Request(Criterion("label", "Europe"), Criterion("country", "JP")), "msg-none"));

        var deadLettered = Assert.IsType<IntakeOutcome.DeadLettered>(outcome);
        Assert.Equal(RejectionReasons.NoAgents, deadLettered.Reason);
        Assert.Empty(host.CreateRequests);
    }

    [Fact]
    public async Task A_name_missing_from_the_agent_list_dead_letters_as_no_agents()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        var outcome = await host.HandleAsync(AlertPayloads.Message(Request(Criterion("agentName", "Nowhere, Atlantis")), "msg-unknown"));

        Assert.Equal(RejectionReasons.NoAgents, Assert.IsType<IntakeOutcome.DeadLettered>(outcome).Reason);
        Assert.Empty(host.CreateRequests);
    }

    [Theory]
    [InlineData("agentName", "Tokyo, Japan")]
    [InlineData("label", "Europe")]
    public async Task An_unreadable_agent_list_abandons_the_message_and_its_redelivery_creates_the_test(string criterion, string value)
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        // More failures than the client's retries (2): the list cannot be read on this delivery.
        host.State.FailNextRequests(500, 3, "/agents");
        var body = Request(Criterion(criterion, value));

        var first = await host.HandleAsync(AlertPayloads.Message(body, "msg-list"));
        var redelivered = await host.HandleAsync(AlertPayloads.Message(body, "msg-list", deliveryCount: 2));

        Assert.Contains("agent list", Assert.IsType<IntakeOutcome.Abandoned>(first).Error, StringComparison.Ordinal);
        Assert.IsType<IntakeOutcome.Completed>(redelivered);
        Assert.Single(host.State.CreatedTests);
    }

    [Fact]
    public async Task An_unreadable_agent_list_on_the_last_delivery_gives_the_claim_up_so_the_next_alert_creates_its_own_test()
    {
        await using var host = await IntakeHost.StartAsync(azurite);
        host.State.FailNextRequests(500, 3, "/agents");
        var body = Request(Criterion("agentName", "Tokyo, Japan"));

        var last = await host.HandleAsync(AlertPayloads.Message(body, "msg-last", deliveryCount: 10));
        var next = await host.HandleAsync(AlertPayloads.Message(body, "msg-next"));

        Assert.Equal(RejectionReasons.DeliveriesExhausted, Assert.IsType<IntakeOutcome.DeadLettered>(last).Reason);
        Assert.IsType<IntakeOutcome.Completed>(next);
        Assert.Single(host.State.CreatedTests);
    }

    [Fact]
    public async Task A_request_in_another_account_group_reads_that_groups_agents_and_creates_its_test_there()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(Request([Criterion("agentName", "London, England")], new JsonObject { ["accountGroupId"] = "5678" }), "msg-aid"));

        Assert.Equal("5678", Assert.Single(host.State.CreatedTests).AccountGroupId);
        Assert.Equal(1, AgentListCalls(host, "aid=5678"));
        var created = MessageEnvelope.ReadInstantTestCreated(Assert.Single(host.Published).Message.Body).Message;
        Assert.Equal("5678", created?.AccountGroupId);
    }

    [Fact]
    public async Task A_test_created_through_api_v6_is_published_as_a_v6_test()
    {
        await using var host = await IntakeHost.StartAsync(azurite, options => options.Settings["ThousandEyes:ApiVersion"] = "v6");

        var outcome = await host.HandleAsync(AlertPayloads.Message(Request(Criterion("label", "Europe")), "msg-v6"));

        Assert.IsType<IntakeOutcome.Completed>(outcome);
        var test = Assert.Single(host.State.CreatedTests);
        Assert.Equal(ApiVersion.V6, test.ApiVersion);
        Assert.Equal([114L, 115L], AgentsOf(host));
        var created = MessageEnvelope.ReadInstantTestCreated(Assert.Single(host.Published).Message.Body).Message;
        Assert.Equal(InstantTestApiVersion.V6, created?.ApiVersion);
        Assert.Equal(test.TestId, created?.TestId);
    }

    [Fact]
    public async Task A_test_created_through_api_v7_is_published_as_a_v7_test()
    {
        await using var host = await IntakeHost.StartAsync(azurite);

        await host.HandleAsync(AlertPayloads.Message(Request(Criterion("agentId", "113")), "msg-v7"));

        var created = MessageEnvelope.ReadInstantTestCreated(Assert.Single(host.Published).Message.Body).Message;
        Assert.Equal(InstantTestApiVersion.V7, created?.ApiVersion);
    }
}
