namespace AlertProbe.Infra.Tests.Hooks;

/// <summary>
/// infra/hooks/postprovision.sh, run against a fake `az`: the catch-all '$Default' rule goes, the named rule
/// stays, and anything but exactly the named rule fails the provision.
/// </summary>
public sealed class PostprovisionHookTests : IDisposable
{
    private const string Script = "postprovision.sh";

    private readonly FakeAzureCli _az = new();

    private static Dictionary<string, string> Environment(string subscriptions) => new()
    {
        ["AZURE_RESOURCE_GROUP"] = "rg-test",
        ["SERVICEBUS_NAMESPACE_NAME"] = "sb-test",
        ["SERVICEBUS_FILTERED_SUBSCRIPTIONS"] = subscriptions,
    };

    [Fact]
    public async Task Hook_removes_the_default_rule_and_keeps_the_named_rule()
    {
        _az.Subscription("instant-tests", "collect", "$Default", "collect-requested");
        _az.Subscription("instant-tests", "rerun", "rerun-requested", "$Default");

        var run = await HookScript.RunAsync(Script, _az,
            Environment("instant-tests/collect/collect-requested instant-tests/rerun/rerun-requested"));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(["collect-requested"], _az.Rules("instant-tests", "collect"));
        Assert.Equal(["rerun-requested"], _az.Rules("instant-tests", "rerun"));
    }

    [Fact]
    public async Task Hook_leaves_a_subscription_alone_when_the_named_rule_is_already_the_only_one()
    {
        _az.Subscription("instant-tests", "collect", "collect-requested");

        var run = await HookScript.RunAsync(Script, _az, Environment("instant-tests/collect/collect-requested"));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.DoesNotContain(_az.Calls, call => call.Contains(" delete ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hook_fails_and_keeps_the_default_rule_when_the_named_rule_is_missing()
    {
        // Removing '$Default' here would leave an empty rule list: a subscription that receives nothing.
        _az.Subscription("instant-tests", "collect", "$Default");

        var run = await HookScript.RunAsync(Script, _az, Environment("instant-tests/collect/collect-requested"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("lacks its rule 'collect-requested'", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(["$Default"], _az.Rules("instant-tests", "collect"));
    }

    [Fact]
    public async Task Hook_fails_when_a_subscription_holds_a_rule_besides_its_named_rule()
    {
        _az.Subscription("instant-tests", "rerun", "rerun-requested", "added-in-the-portal");

        var run = await HookScript.RunAsync(Script, _az, Environment("instant-tests/rerun/rerun-requested"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("must hold exactly the rule 'rerun-requested'", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hook_refuses_to_run_without_the_azd_environment_values()
    {
        var run = await HookScript.RunAsync(Script, _az, new Dictionary<string, string>());

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("AZURE_RESOURCE_GROUP is not set", run.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _az.Dispose();
}
