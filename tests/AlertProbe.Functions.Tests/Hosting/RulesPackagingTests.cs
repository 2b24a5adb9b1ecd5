using System.Text.RegularExpressions;
using AlertProbe.Core.Rules;
using AlertProbe.Functions.Hosting;
using AlertProbe.Functions.Tests.Build;
using AlertProbe.Functions.Tests.Metadata;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>The rules travel with the app: the path the sample (and the Bicep default) names exists in the built output.</summary>
public sealed partial class RulesPackagingTests
{
    private static readonly string AppDirectory = Path.GetDirectoryName(FunctionsMetadata.Path)!;

    [Fact]
    public void Rules_path_the_sample_names_resolves_to_a_loadable_file_in_the_built_app()
    {
        var sample = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "local.settings.sample.json"));
        var named = SampleRulesPath().Match(sample);
        Assert.True(named.Success, "local.settings.sample.json names no Rules__Path.");

        var resolved = RulesPathResolution.Resolve(named.Groups["path"].Value, AppDirectory);

        Assert.True(File.Exists(resolved), $"Rules__Path '{named.Groups["path"].Value}' resolves to {resolved}, which the build did not package.");
        var loaded = RuleSetLoader.LoadFile(resolved!);
        Assert.True(loaded.IsSuccess, $"The packaged rules file does not load: {loaded}");
    }

    [Fact]
    public void Packaged_rules_file_is_the_repositorys_rules_file()
    {
        var packaged = File.ReadAllText(Path.Combine(AppDirectory, "rules", "alertprobe.rules.yaml"));
        var source = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "rules", "alertprobe.rules.yaml"));

        Assert.Equal(source, packaged);
    }

    [Fact]
    public void Relative_rules_path_resolves_against_the_app_folder_not_the_current_directory()
    {
        var appDirectory = Path.Combine(Path.GetTempPath(), "alertprobe-app");

        Assert.Equal(Path.Combine(appDirectory, "rules", "custom.yaml"), RulesPathResolution.Resolve("rules/custom.yaml", appDirectory));
    }

    [Fact]
    public void Absolute_rules_path_is_kept_and_an_unset_one_keeps_the_built_in_rules()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "mounted", "rules.yaml");

        Assert.Equal(absolute, RulesPathResolution.Resolve(absolute, AppDirectory));
        Assert.Null(RulesPathResolution.Resolve(null, AppDirectory));
        Assert.Null(RulesPathResolution.Resolve(" ", AppDirectory));
    }

    [Fact]
    public void Configuration_reads_the_resolved_path_after_start_up_resolution()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Rules:Path", "rules/alertprobe.rules.yaml")]);

        configuration.ResolveRulesPathAgainst(AppDirectory);

        Assert.Equal(Path.Combine(AppDirectory, "rules", "alertprobe.rules.yaml"), configuration["Rules:Path"]);
    }

    [GeneratedRegex("\"Rules__Path\": \"(?<path>[^\"]+)\"")]
    private static partial Regex SampleRulesPath();
}
