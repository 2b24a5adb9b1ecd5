using AlertProbe.Core.Planning;
using AlertProbe.Core.Rules;
using AlertProbe.Testing.Azurite;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Tests.Rules;

/// <summary>Reloading the rules through the app's registration: a file on disk, and a blob in Azurite's Blob service.</summary>
public sealed class RulesReloadTests(AzuriteBlobFixture azurite) : IClassFixture<AzuriteBlobFixture>, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("alertprobe-reload-").FullName;

    [Fact]
    public async Task A_bad_reloaded_blob_keeps_the_last_good_rules_and_a_good_one_replaces_them()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("alertprobe.rules.yaml");
        await blob.UploadAsync(BinaryData.FromString(RulesYaml.Named("from-blob")));
        using var services = Build(new()
        {
            ["Rules:Blob:ConnectionString"] = azurite.ConnectionString,
            ["Rules:Blob:ContainerName"] = container.Name,
        });
        var planner = services.GetRequiredService<RulePlanner>();
        var provider = services.GetRequiredService<RuleSetProvider>();
        Assert.Equal(["from-blob"], planner.RuleSet.Rules.Select(rule => rule.Name));
        Assert.Equal("blob", provider.Status!.SourceKind);

        await blob.UploadAsync(BinaryData.FromString(RulesYaml.Broken), overwrite: true);
        Assert.Equal(RulesReloadOutcome.Rejected, await provider.ReloadAsync(CancellationToken.None));

        Assert.Equal(["from-blob"], planner.RuleSet.Rules.Select(rule => rule.Name));
        Assert.Contains(provider.Status!.RejectedErrors, error => error.ToString().Contains($"{blob.Uri}:5:15: rules[0].tests[0].type", StringComparison.Ordinal));

        await blob.UploadAsync(BinaryData.FromString(RulesYaml.Named("fixed")), overwrite: true);
        Assert.Equal(RulesReloadOutcome.Replaced, await provider.ReloadAsync(CancellationToken.None));
        Assert.Equal(["fixed"], planner.RuleSet.Rules.Select(rule => rule.Name));
    }

    [Fact]
    public async Task A_missing_rules_blob_stops_the_start_up_with_the_setting_and_the_reason()
    {
        var container = await NewContainerAsync();
        using var services = Build(new()
        {
            ["Rules:Blob:ConnectionString"] = azurite.ConnectionString,
            ["Rules:Blob:ContainerName"] = container.Name,
        });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RulesOptions>>().Value);

        Assert.Contains("Rules:Blob: ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404 BlobNotFound", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_rewrite_of_the_rules_file_keeps_the_last_good_rules()
    {
        var path = Path.Combine(directory, "rules.yaml");
        File.WriteAllText(path, RulesYaml.Named("on-disk"));
        using var services = Build(new() { ["Rules:Path"] = path });
        var planner = services.GetRequiredService<RulePlanner>();
        var provider = services.GetRequiredService<RuleSetProvider>();

        File.WriteAllText(path, RulesYaml.Broken);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal(RulesReloadOutcome.Rejected, await provider.ReloadAsync(CancellationToken.None));
        Assert.Equal(["on-disk"], planner.RuleSet.Rules.Select(rule => rule.Name));
        Assert.Equal("file", provider.Status!.SourceKind);
        Assert.NotEmpty(provider.Status.RejectedErrors);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<Azure.Storage.Blobs.BlobContainerClient> NewContainerAsync()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("rules" + Guid.NewGuid().ToString("N")[..12]);
        await container.CreateAsync();
        return container;
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAlertRules(configuration).BuildServiceProvider();
    }
}
