using System.CommandLine;
using System.Text.Json;
using AlertProbe.Cli.Doctor;
using AlertProbe.Testing;
using AlertProbe.Testing.Simulator;

namespace AlertProbe.Cli.Tests.Doctor;

/// <summary><c>alertprobe doctor</c> end to end: settings from a local.settings.json-style file and the environment, the table, --json, exit codes.</summary>
public sealed class DoctorCommandTests
{
    [Fact]
    public async Task A_failing_check_exits_1_and_the_table_gives_its_fix()
    {
        var result = await CliInvocation.RunAsync(new Dictionary<string, string?> { ["Ledger__Kind"] = "InMemory" }, "doctor", "--timeout", "5s");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("serviceBus", result.Out, StringComparison.Ordinal);
        Assert.Contains("fix:    Set ServiceBus__fullyQualifiedNamespace", result.Out, StringComparison.Ordinal);
        Assert.Contains("check(s) failed", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_file_values_are_read_and_the_environment_overrides_them_with_json_output()
    {
        await using var simulator = await SimulatorFixture.StartAsync();
        var settings = Path.Combine(Path.GetTempPath(), $"alertprobe-settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new
        {
            IsEncrypted = false,
            Values = new Dictionary<string, string>
            {
                ["ThousandEyes__BaseUrl"] = simulator.BaseAddress.ToString(),
                ["ThousandEyes__BearerToken"] = "wrong-token-in-the-file",
                ["ServiceBus__fullyQualifiedNamespace"] = "sb-alertprobe.servicebus.windows.net",
                ["Ledger__Kind"] = "InMemory",
                ["Rules__Path"] = "samples/rules.yaml",
            },
        }));
        var fakes = new DoctorFakes();
        fakes.ServiceBusAsDeployed();
        using var output = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = TextWriter.Null,
            Environment = new Dictionary<string, string?> { ["ThousandEyes__BearerToken"] = simulator.Options.BearerToken },
            WorkingDirectory = RepositoryRoot.Path,
        };
        int exitCode;
        try
        {
            exitCode = await DoctorCommand.Create(context, fakes).Parse(["--settings", settings, "--json"]).InvokeAsync();
        }
        finally
        {
            File.Delete(settings);
        }

        Assert.True(exitCode == ExitCodes.Success, output.ToString());
        using var document = JsonDocument.Parse(output.ToString());
        Assert.Equal("1.0", document.RootElement.GetProperty("schemaVersion").GetString());
        Assert.True(document.RootElement.GetProperty("healthy").GetBoolean());
        var checks = document.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(DoctorRunner.CheckNames, checks.Select(c => c.GetProperty("check").GetString()));
        Assert.Equal(["skip", "pass", "pass", "skip", "pass", "pass"], checks.Select(c => c.GetProperty("status").GetString()));
        Assert.DoesNotContain(simulator.Options.BearerToken, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_settings_file_is_a_usage_error()
    {
        var result = await CliInvocation.RunAsync("doctor", "--settings", "no-such-local.settings.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("settings file not found", result.Error, StringComparison.Ordinal);
    }
}
