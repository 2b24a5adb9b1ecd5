using AlertProbe.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>
/// The worker activates each function class from the app's container: a missing registration only shows
/// at the first message in Azure. These tests build the container exactly as Program.cs does and activate
/// every class that declares a [Function].
/// </summary>
public sealed class FunctionActivationTests
{
    private static readonly Type[] DeclaredFunctionClasses = [.. typeof(AlertProbeFunctionsServiceCollectionExtensions).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes(typeof(FunctionAttribute), false).Length > 0))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static TheoryData<Type> FunctionClasses() => [.. DeclaredFunctionClasses];

    [Fact]
    public void The_app_declares_the_functions_the_design_names()
    {
        var names = DeclaredFunctionClasses.Select(type => type.Name).ToHashSet();

        Assert.Superset(new HashSet<string> { "AlertIntake", "CollectResults", "RerunTests", "AlertWebhook", "SlackCommand", "TeamsCommand" }, names);
    }

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public async Task Every_function_class_can_be_activated_from_the_apps_registrations(Type functionClass)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ThousandEyes:BaseUrl"] = "http://127.0.0.1:5080/",
                ["ThousandEyes:BearerToken"] = "activation-test-token",
                ["ServiceBus:fullyQualifiedNamespace"] = "sb-alertprobe-test.servicebus.windows.net",
                ["Ledger:ConnectionString"] = "UseDevelopmentStorage=true",
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new TestHostEnvironment());
        services.AddAlertProbeFunctions(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();

        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, functionClass);

        Assert.IsType(functionClass, instance);
    }

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "AlertProbe.Functions";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
