using AlertProbe.Functions.Tests.Build;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>
/// local.settings.sample.json and docs/deployment.md name every setting the app binds (BoundSettings finds them by
/// reflection), so a new option cannot be added without telling operators about it.
/// </summary>
public sealed class SettingsDocumentationTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "local.settings.sample.json"));
    private static readonly string Deployment = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "docs", "deployment.md"));

    [Fact]
    public void Reflection_finds_the_options_of_every_feature()
    {
        // A guard for the discovery itself: if it found nothing, the two tests below would pass vacuously.
        var sections = BoundSettings.OptionsTypes.Select(type => type.Name).ToHashSet();

        Assert.Superset(
            new HashSet<string> { "ThousandEyesOptions", "KeyVaultOptions", "MessagingOptions", "LedgerOptions", "RulesOptions", "IngressOptions", "FollowUpOptions", "IntakeOptions", "WriteBackOptions" },
            sections);
        Assert.Contains(BoundSettings.All, setting => setting.Key == "FollowUp__Delivery__DefaultKind");
        Assert.Contains(BoundSettings.All, setting => setting.Key == "AlertParsing__AzureMonitor__WebTestUrls" && setting.IsPrefix);
    }

    [Fact]
    public void Sample_settings_name_every_bound_setting()
    {
        var missing = BoundSettings.All.Where(setting => !setting.IsNamedIn(Sample)).Select(setting => setting.Key).ToList();

        Assert.True(missing.Count == 0, $"local.settings.sample.json does not name: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Deployment_guide_names_every_bound_setting()
    {
        var missing = BoundSettings.All.Where(setting => !setting.IsNamedIn(Deployment)).Select(setting => setting.Key).ToList();

        Assert.True(missing.Count == 0, $"docs/deployment.md does not name: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Sample_settings_are_json_with_comments_and_no_trailing_comma()
    {
        // Core Tools reads local.settings.json as JSON; comments are tolerated, a trailing comma is not everywhere.
        using var document = System.Text.Json.JsonDocument.Parse(Sample, new System.Text.Json.JsonDocumentOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
            AllowTrailingCommas = false,
        });

        Assert.Equal(System.Text.Json.JsonValueKind.Object, document.RootElement.GetProperty("Values").ValueKind);
    }
}
