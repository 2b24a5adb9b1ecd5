using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlertProbe.Cli.Output;

namespace AlertProbe.Cli.Doctor;

/// <summary>
/// <c>alertprobe doctor</c>: checks, read-only, every dependency the app's settings name (Key Vault, ThousandEyes,
/// Service Bus, Table Storage, rules, reply hosts) and prints a table with a fix per failure, or <c>--json</c>.
/// </summary>
internal static class DoctorCommand
{
    private static readonly DoctorJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static Command Create(CliContext context, DoctorClients? clients = null)
    {
        var settings = new Option<string?>("--settings")
        {
            Description = "A local.settings.json-style file (its Values); the environment overrides it, as under the Functions host.",
            HelpName = "FILE",
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (schema version 1.0)." };
        var timeout = CommonOptions.Duration("--timeout", TimeSpan.FromSeconds(30), "How long each check may take.");
        var command = new Command(
            "doctor",
            "Check, read-only, each dependency of the app's settings: Key Vault secret readable, ThousandEyes token accepted "
            + "(agent list), Service Bus entities and subscription filters, Table Storage reachable, rules valid, reply hosts "
            + $"allowed. Exit {ExitCodes.Success}: no check failed; {ExitCodes.Failure}: a check failed; {ExitCodes.Usage}: usage error.")
        {
            settings, json, timeout,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, clients ?? new DoctorClients(), parse.GetValue(settings), parse.GetValue(json), parse.GetValue(timeout), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, DoctorClients clients, string? settingsPath, bool json, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var settings = DoctorSettings.Build(context, settingsPath, out var error);
        if (error is not null)
        {
            return ErrorOutput.Usage(context, error);
        }

        var results = await DoctorRunner.RunAsync(settings, context, clients, timeout, cancellationToken).ConfigureAwait(false);
        var healthy = results.All(result => result.Status != DoctorStatus.Fail);
        if (json)
        {
            var document = new DoctorDocument
            {
                Healthy = healthy,
                Checks = [.. results.Select(r => new DoctorEntry(r.Check, r.Status.ToString().ToLowerInvariant(), r.Detail, r.Fix))],
            };
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(document, Json.DoctorDocument)).ConfigureAwait(false);
        }
        else
        {
            await DoctorRenderer.WriteAsync(context.Out, results).ConfigureAwait(false);
        }

        return healthy ? ExitCodes.Success : ExitCodes.Failure;
    }
}
