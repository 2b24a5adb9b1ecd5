using AlertProbe.Core.Messages;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.Messages;

public sealed class MessagingRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAlertProbeMessaging(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task In_memory_transport_publishes_into_the_in_memory_bus()
    {
        await using var provider = Build(new() { ["Messaging:Transport"] = "InMemory" });

        await provider.GetRequiredService<InstantTestPublisher>().PublishCreatedAsync(MessageSamples.Created(), CancellationToken.None);

        Assert.Single(provider.GetRequiredService<InMemoryMessageBus>().Pending("instant-tests"));
    }

    [Fact]
    public async Task A_connection_string_registers_a_service_bus_client_for_it()
    {
        await using var provider = Build(new()
        {
            ["ServiceBus"] = "Endpoint=sb://alertprobe-test.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0",
        });

        Assert.Equal("alertprobe-test.servicebus.windows.net", provider.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Fact]
    public async Task A_namespace_registers_a_service_bus_client_with_identity()
    {
        await using var provider = Build(new() { ["ServiceBus:fullyQualifiedNamespace"] = "alertprobe-id.servicebus.windows.net" });

        Assert.Equal("alertprobe-id.servicebus.windows.net", provider.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Fact]
    public void No_service_bus_setting_fails_at_registration_naming_the_setting()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Build([]));

        Assert.Contains("ServiceBus__fullyQualifiedNamespace", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_entity_name_fails_validation_naming_the_setting()
    {
        await using var provider = Build(new() { ["Messaging:Transport"] = "InMemory", ["Messaging:AlertsQueueName"] = "no spaces allowed" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MessagingOptions>>().Value);
        Assert.Contains("AlertsQueueName", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_topic_for_created_and_results_fails_validation()
    {
        await using var provider = Build(new()
        {
            ["Messaging:Transport"] = "InMemory",
            ["Messaging:InstantTestsTopicName"] = "one",
            ["Messaging:TestResultsTopicName"] = "one",
        });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MessagingOptions>>().Value);
    }
}
