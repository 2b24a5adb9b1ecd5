using AlertProbe.Core.Rules;
using AlertProbe.Functions.Health;
using AlertProbe.Functions.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertProbe.Functions.Tests.Health;

public sealed class RulesInUseHealthTests : IDisposable
{
    private const string Good = "version: 1\nrules:\n  - name: deployed\n    tests:\n      - type: dns-trace\n        domain: example.com\n        agents: { ids: [\"1\"] }\n";
    private const string Broken = "version: 1\nrules:\n  - name: broken\n    tests:\n      - type: bgp\n        agents: { ids: [\"1\"] }\n";

    private readonly string directory = Directory.CreateTempSubdirectory("alertprobe-health-rules-").FullName;

    [Fact]
    public async Task Rules_in_use_are_reported_with_their_source_and_count()
    {
        var path = Write(Good);
        await using var services = Build(path);

        var response = await GetHealthAsync(services);

        Assert.Equal("Healthy", (string?)response.Check("rulesInUse")["status"]);
        Assert.Equal("file", response.Data("rulesInUse", "source"));
        Assert.Equal("1", response.Data("rulesInUse", "ruleCount"));
    }

    [Fact]
    public async Task A_refused_reload_shows_as_degraded_with_its_errors_while_the_last_good_rules_stay()
    {
        var path = Write(Good);
        await using var services = Build(path);
        var provider = services.GetRequiredService<RuleSetProvider>();
        _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RulesOptions>>().Value;
        File.WriteAllText(path, Broken);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        await provider.ReloadAsync(CancellationToken.None);

        var response = await GetHealthAsync(services);

        Assert.Equal("Degraded", (string?)response.Check("rulesInUse")["status"]);
        Assert.Equal("1", response.Data("rulesInUse", "ruleCount"));
        Assert.Contains(response.Failures("rulesInUse"), failure => failure.Contains(":5:15: rules[0].tests[0].type: 'bgp' is not supported", StringComparison.Ordinal));
        Assert.Equal(["deployed"], provider.Current.Rules.Select(rule => rule.Name));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(directory, "rules.yaml");
        File.WriteAllText(path, content);
        return path;
    }

    private static ServiceProvider Build(string rulesPath)
    {
        var settings = HealthRequest.ValidSettingsWith(("Rules:Path", rulesPath));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddAlertProbeFunctions(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task<HealthResponse> GetHealthAsync(ServiceProvider services)
    {
        var function = ActivatorUtilities.CreateInstance<HealthEndpoint>(services);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/api/health";
        var result = Assert.IsType<ContentResult>(await function.Run(context.Request, CancellationToken.None));
        return new HealthResponse(result.StatusCode ?? StatusCodes.Status200OK, result.Content ?? "", context.Response.Headers.CacheControl);
    }
}
