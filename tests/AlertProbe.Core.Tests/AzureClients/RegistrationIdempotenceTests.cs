using AlertProbe.Core.AzureClients;
using AlertProbe.Core.FollowUp.Delivery;
using AlertProbe.Core.KeyVault;
using AlertProbe.Core.Ledger;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Policy;
using AlertProbe.Core.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertProbe.Core.Tests.AzureClients;

/// <summary>
/// Features call each other's registrations (intake, follow-up and ingress all bring messaging, the ledger and the
/// Azure clients), so every one must be safe to call again: a second call registers nothing a first did not.
/// </summary>
public sealed class RegistrationIdempotenceTests
{
    public static TheoryData<string> Registrations() => [.. Extensions.Keys];

    private static readonly Dictionary<string, Action<IServiceCollection, IConfiguration>> Extensions = new()
    {
        ["AddAlertProbeAzureClients"] = (services, configuration) => services.AddAlertProbeAzureClients(configuration),
        ["AddKeyVaultOptions"] = (services, configuration) => services.AddKeyVaultOptions(configuration),
        ["AddThousandEyesClientWithKeyVault"] = (services, configuration) => services.AddThousandEyesClientWithKeyVault(configuration),
        ["AddAlertProbeMessaging"] = (services, configuration) => services.AddAlertProbeMessaging(configuration),
        ["AddLedger"] = (services, configuration) => services.AddLedger(configuration),
        ["AddRateBudget"] = (services, configuration) => services.AddRateBudget(configuration),
        ["AddTargetPolicy"] = (services, configuration) => services.AddTargetPolicy(configuration),
        ["AddReplyPolicy"] = (services, configuration) => services.AddReplyPolicy(configuration),
    };

    [Theory]
    [MemberData(nameof(Registrations))]
    public void Calling_the_registration_twice_registers_nothing_twice(string extension)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KeyVault:Uri"] = "https://vault.example.net/",
            ["ServiceBus:fullyQualifiedNamespace"] = "sb-alertprobe-test.servicebus.windows.net",
            ["Ledger:ConnectionString"] = "UseDevelopmentStorage=true",
            ["ThousandEyes:BaseUrl"] = "http://127.0.0.1:5080/",
            ["TargetPolicy:DenyDomains:0"] = "internal.example",
            ["ReplyPolicy:AllowedHosts:0"] = "hooks.example.com",
        }).Build();
        var once = new ServiceCollection();
        Extensions[extension](once, configuration);
        var twice = new ServiceCollection();
        Extensions[extension](twice, configuration);
        Extensions[extension](twice, configuration);

        var added = Describe(twice).GroupBy(entry => entry).Where(group => group.Count() > Describe(once).Count(entry => entry == group.Key)).Select(group => group.Key).ToList();

        Assert.True(added.Count == 0, $"{extension} called twice registers again:\n{string.Join("\n", added)}");
    }

    /// <summary>
    /// A descriptor as service type and implementation. ValidateOnStart's own bookkeeping (a configure of the internal
    /// StartupValidatorOptions per call) is left out: it writes one entry keyed by the options type, so a repeat replaces
    /// it, and Microsoft.Extensions.Options offers no way to add it once.
    /// </summary>
    private static List<string> Describe(IServiceCollection services) => services
        .Where(descriptor => !descriptor.ServiceType.ToString().Contains("StartupValidatorOptions", StringComparison.Ordinal))
        .Select(descriptor => $"{descriptor.ServiceType} <- {Implementation(descriptor)}")
        .ToList();

    private static string Implementation(ServiceDescriptor descriptor) =>
        descriptor.ImplementationType?.ToString()
        ?? descriptor.ImplementationInstance?.GetType().ToString()
        ?? $"factory {descriptor.ImplementationFactory?.Method.DeclaringType}.{descriptor.ImplementationFactory?.Method.Name}";
}
