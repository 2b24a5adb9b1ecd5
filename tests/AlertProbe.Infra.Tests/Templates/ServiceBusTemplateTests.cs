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
    public async Task Follow_up_subscription_replaces_the_catch_all_rule_with_a_sql_filter_on_its_property(
        string nameParameter, string subscriptionName, string sqlExpression)
    {
        var rule = (await CompiledTemplate.MainAsync()).Single(Rules, nameParameter);

        Assert.Equal(subscriptionName, rule.ParameterDefault(nameParameter));
        Assert.EndsWith("'$Default')]", rule.Name, StringComparison.Ordinal);
        Assert.Equal("SqlFilter", (string?)rule.Properties?["filterType"]);
        Assert.Equal(sqlExpression, (string?)rule.Properties?["sqlFilter"]?["sqlExpression"]);
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
    [InlineData("deliverySubscriptionName")]
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
