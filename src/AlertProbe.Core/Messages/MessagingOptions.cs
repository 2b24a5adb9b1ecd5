using System.ComponentModel.DataAnnotations;

namespace AlertProbe.Core.Messages;

/// <summary>Service Bus entity names (section <c>Messaging</c>). The connection itself is <c>ServiceBus</c>, as the Functions triggers read it.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Service Bus entity names: letters, digits, '.', '-', '_' (and '/' for paths), at most 260 characters.</summary>
    internal const string EntityNamePattern = @"^[A-Za-z0-9][A-Za-z0-9._\-/]{0,259}$";

    /// <summary><see cref="MessagingTransport.InMemory"/> only for the CLI's in-process run and tests.</summary>
    public MessagingTransport Transport { get; set; } = MessagingTransport.ServiceBus;

    [Required]
    [RegularExpression(EntityNamePattern)]
    public string AlertsQueueName { get; set; } = "alerts";

    [Required]
    [RegularExpression(EntityNamePattern)]
    public string InstantTestsTopicName { get; set; } = "instant-tests";

    [Required]
    [RegularExpression(EntityNamePattern)]
    public string TestResultsTopicName { get; set; } = "test-results";

    [Required]
    [RegularExpression(EntityNamePattern)]
    public string CollectSubscriptionName { get; set; } = "collect";

    [Required]
    [RegularExpression(EntityNamePattern)]
    public string RerunSubscriptionName { get; set; } = "rerun";

    /// <summary>
    /// The alerts queue's <c>maxDeliveryCount</c> (infra/modules/servicebus.bicep, 10; the deployment sets both from one
    /// parameter). On that last delivery a plan that failed transiently is dead-lettered by the intake itself, naming the
    /// alerts coalesced onto it, instead of being abandoned into the broker's dead-letter with no word of them.
    /// </summary>
    [Range(1, 2000)]
    public int AlertsMaxDeliveryCount { get; set; } = 10;
}

public enum MessagingTransport
{
    /// <summary>Azure Service Bus (managed identity via <c>ServiceBus__fullyQualifiedNamespace</c>, or a connection string).</summary>
    ServiceBus,

    /// <summary>An <see cref="InMemoryMessageBus"/> inside the process.</summary>
    InMemory,
}
