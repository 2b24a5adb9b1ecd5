// STAND-IN: same public surface as Microsoft.Azure.Functions.Worker.Extensions.ServiceBus 5.24.0.
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Compile-only stand-in for the Service Bus trigger binding attribute.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ServiceBusTriggerAttribute : TriggerBindingAttribute, ISupportCardinality
{
    private bool _isBatched;

    public ServiceBusTriggerAttribute(string queueName) => QueueName = queueName;

    public ServiceBusTriggerAttribute(string topicName, string subscriptionName)
    {
        TopicName = topicName;
        SubscriptionName = subscriptionName;
    }

    public string? Connection { get; set; }

    public string? QueueName { get; }

    public string? TopicName { get; }

    public string? SubscriptionName { get; }

    public bool IsSessionsEnabled { get; set; }

    // The Worker SDK's metadata generator needs the default value declared, as the real attribute does.
    [DefaultValue(false)]
    public bool IsBatched
    {
        get => _isBatched;
        set => _isBatched = value;
    }

    public bool AutoCompleteMessages { get; set; }

    Cardinality ISupportCardinality.Cardinality
    {
        get => _isBatched ? Cardinality.Many : Cardinality.One;
        set => _isBatched = value == Cardinality.Many;
    }
}
