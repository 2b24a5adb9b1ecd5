using System.Reflection;
using AlertProbe.Core.Diagnostics;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.Messages;
using AlertProbe.Core.RateLimiting;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertProbe.Core.Tests.Diagnostics;

/// <summary>
/// The telemetry decorators sit over the app's own services. A decorator that missed a virtual member would run the
/// mocking constructor's empty base (null fields) for it: every one must be overridden, and the registration must
/// actually put the decorators in place. The rate budget records its gauge itself (no decorator to fall through).
/// </summary>
[Collection(MeterListeners.Name)]
public sealed class TelemetryDecoratorTests
{
    public static TheoryData<Type, Type> Decorators() => new()
    {
        { typeof(VerdictDelivery), typeof(TracedVerdictDelivery) },
        { typeof(ServiceBusSender), typeof(TracingServiceBusSender) },
    };

    [Theory]
    [MemberData(nameof(Decorators))]
    public void Decorator_overrides_every_public_virtual_member_of_the_service(Type service, Type decorator)
    {
        var virtuals = service.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(method => method.IsVirtual && !method.IsFinal && method.GetBaseDefinition().DeclaringType != typeof(object))
            .ToList();

        Assert.NotEmpty(virtuals);
        Assert.All(virtuals, method =>
        {
            var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
            var own = decorator.GetMethod(method.Name, BindingFlags.Public | BindingFlags.Instance, parameters);
            Assert.True(own?.DeclaringType == decorator, $"{decorator.Name} does not override {service.Name}.{method.Name}({string.Join(", ", parameters.Select(p => p.Name))})");
        });
    }

    [Fact]
    public async Task Registration_decorates_the_connection_string_client()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ServiceBus"] = "Endpoint=sb://alertprobe-test.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0",
            ["Ledger:Kind"] = "InMemory",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAlertProbeMessaging(configuration);
        services.AddAlertProbeTelemetry();
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ServiceBusClient>();
        Assert.IsType<TracingServiceBusClient>(client);
        Assert.Equal("alertprobe-test.servicebus.windows.net", client.FullyQualifiedNamespace);
        Assert.IsType<TracingServiceBusSender>(client.CreateSender("alerts"));
        Assert.Same(provider.GetRequiredService<ServiceBusClient>(), client);
    }

    [Fact]
    public async Task Budget_left_after_taking_a_call_is_recorded()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ledger:Kind"] = "InMemory",
            ["RateBudget:Limit"] = "7",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddRateBudget(configuration);
        await using var provider = services.BuildServiceProvider();
        using var gauge = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<int>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.RateBudgetRemaining);

        var decision = await provider.GetRequiredService<RateBudget>().TryAcquireAsync(AlertProbe.Core.Alerts.AlertSeverity.Critical, CancellationToken.None);

        var acquired = Assert.IsType<RateBudgetDecision.Acquired>(decision);
        Assert.Equal(6, acquired.Remaining);
        Assert.Contains(gauge.GetMeasurementSnapshot(), m => m.Value == 6);
    }

    [Fact]
    public async Task A_booking_acquire_that_finds_the_window_spent_records_nothing_left()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ledger:Kind"] = "InMemory",
            ["RateBudget:Limit"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddRateBudget(configuration);
        await using var provider = services.BuildServiceProvider();
        var budget = provider.GetRequiredService<RateBudget>();
        await budget.TryAcquireOrBookAsync(AlertProbe.Core.Alerts.AlertSeverity.Critical, booking: null, CancellationToken.None);
        using var gauge = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<int>(AlertProbeTelemetry.Meter, AlertProbeTelemetry.RateBudgetRemaining);

        var decision = await budget.TryAcquireOrBookAsync(AlertProbe.Core.Alerts.AlertSeverity.Critical, booking: null, CancellationToken.None);

        Assert.IsType<RateBudgetDecision.Exhausted>(decision);
        Assert.Equal([0], gauge.GetMeasurementSnapshot().Select(m => m.Value));
    }
}
