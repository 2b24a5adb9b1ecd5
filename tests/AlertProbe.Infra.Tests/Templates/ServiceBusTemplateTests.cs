using AlertProbe.Infra.Tests.Bicep;

namespace AlertProbe.Infra.Tests.Templates;

public sealed class ServiceBusTemplateTests
{
    private const string Queues = "Microsoft.ServiceBus/namespaces/queues";
    private const string Topics = "Microsoft.ServiceBus/namespaces/topics";
    private const string Subscriptions = "Microsoft.ServiceBus/namespaces/topics/subscriptions";
    private const string Rules = "Microsoft.ServiceBus/namespaces/topics/subscriptions/rules";

    [Theory]
    [InlineData("collectSubscriptionName", "collect", "collect = TRUE")]
    [InlineData("rerunSubscriptionName", "rerun", "rerun = TRUE")]
    public async Task Follow_up_subscription_filters_with_a_sql_rule_on_its_property(
        string nameParameter, string subscriptionName, string sqlExpression)
    {
        var rule = (await CompiledTemplate.MainAsync()).Single(Rules, nameParameter);

        Assert.Equal(subscriptionName, rule.ParameterDefault(nameParameter));
        Assert.Equal("SqlFilter", (string?)rule.Properties?["filterType"]);
        Assert.Equal(sqlExpression, (string?)rule.Properties?["sqlFilter"]?["sqlExpression"]);
    }

    [Fact]
    public async Task Every_subscription_holds_exactly_one_sql_rule_with_a_name_of_its_own()
    {
        // A rule deployed as '$Default' can end with an empty rule list (terraform-provider-azurerm #20718):
        // the subscription then receives nothing while the deployment succeeds.
        var template = await CompiledTemplate.MainAsync();
        var rules = template.OfType(Rules).Select(rule => (Segments: rule.NameSegments(), Rule: rule)).ToList();
        var subscriptions = template.OfType(Subscriptions).Select(subscription => subscription.NameSegments()).ToList();

        Assert.NotEmpty(subscriptions);
        foreach (var subscription in subscriptions)
        {
            var own = rules.Where(rule => rule.Segments.Take(subscription.Count).SequenceEqual(subscription)).ToList();
            var described = string.Join('/', subscription.Skip(1));
            Assert.True(own.Count == 1, $"Subscription {described} has {own.Count} rules in the template; it needs exactly one.");
            var (segments, rule) = own[0];
            Assert.NotEqual("$Default", segments[^1]);
            Assert.DoesNotContain("parameters(", segments[^1], StringComparison.Ordinal);
            Assert.Equal("SqlFilter", (string?)rule.Properties?["filterType"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)rule.Properties?["sqlFilter"]?["sqlExpression"]), $"Rule of {described} has no SQL expression.");
        }
    }

    [Fact]
    public async Task Every_rule_belongs_to_a_subscription_of_the_template()
    {
        var template = await CompiledTemplate.MainAsync();
        var subscriptions = template.OfType(Subscriptions).Select(subscription => string.Join('/', subscription.NameSegments())).ToHashSet();

        Assert.All(template.OfType(Rules), rule => Assert.Contains(string.Join('/', rule.NameSegments().SkipLast(1)), subscriptions));
    }

    [Fact]
    public async Task Test_results_topic_has_no_subscription_that_nothing_reads()
    {
        // Replies happen inside CollectResults; a subscription without a reader fills a dead-letter queue nobody drains.
        var template = await CompiledTemplate.MainAsync();

        Assert.DoesNotContain(template.OfType(Subscriptions), subscription => subscription.IsNamedBy("testResultsTopicName"));
    }

    [Fact]
    public async Task Alerts_queue_dead_letters_after_max_delivery_count()
    {
        var queue = (await CompiledTemplate.MainAsync()).Single(Queues, "alertsQueueName");

        Assert.Equal("alerts", queue.ParameterDefault("alertsQueueName"));
        Assert.Equal("[parameters('maxDeliveryCount')]", (string?)queue.Properties?["maxDeliveryCount"]);
        Assert.Equal("10", queue.Template["parameters"]?["maxDeliveryCount"]?["defaultValue"]?.ToJsonString());
        Assert.True((bool?)queue.Properties?["deadLetteringOnMessageExpiration"]);
    }

    [Fact]
    public async Task Alerts_queue_detects_duplicates_so_retried_webhook_deliveries_are_dropped()
    {
        // Rescheduled copies get their own MessageId (AlertQueueScheduler), so detection never drops them.
        var queue = (await CompiledTemplate.MainAsync()).Single(Queues, "alertsQueueName");

        Assert.True((bool?)queue.Properties?["requiresDuplicateDetection"]);
    }

    [Theory]
    [InlineData("collectSubscriptionName")]
    [InlineData("rerunSubscriptionName")]
    public async Task Subscription_dead_letters_after_max_delivery_count(string nameParameter)
    {
        var subscription = (await CompiledTemplate.MainAsync()).Single(Subscriptions, nameParameter);

        Assert.Equal("[parameters('maxDeliveryCount')]", (string?)subscription.Properties?["maxDeliveryCount"]);
        Assert.True((bool?)subscription.Properties?["deadLetteringOnMessageExpiration"]);
    }

    [Theory]
    [InlineData("instantTestsTopicName", "instant-tests")]
    [InlineData("testResultsTopicName", "test-results")]
    public async Task Topic_detects_duplicate_messages(string nameParameter, string topicName)
    {
        var topic = (await CompiledTemplate.MainAsync()).Single(Topics, nameParameter);

        Assert.Equal(topicName, topic.ParameterDefault(nameParameter));
        Assert.True((bool?)topic.Properties?["requiresDuplicateDetection"]);
    }

    [Fact]
    public async Task Namespace_accepts_only_entra_id_authentication()
    {
        var serviceBus = (await CompiledTemplate.MainAsync()).Single("Microsoft.ServiceBus/namespaces");

        Assert.True((bool?)serviceBus.Properties?["disableLocalAuth"]);
    }
}
