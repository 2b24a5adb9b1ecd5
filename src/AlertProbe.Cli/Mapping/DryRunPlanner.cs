using System.Globalization;
using AlertProbe.Cli.Hosting;
using AlertProbe.Cli.Payloads;
using AlertProbe.Core.Intake;
using AlertProbe.ThousandEyes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertProbe.Cli.Mapping;

/// <summary>
/// The intake's pure half (<see cref="IntakePlanner"/>) hosted with the same registration as the function, with the
/// in-memory bus and ledger so nothing reaches out: what <c>map</c> and <c>rules test</c> run payloads through.
/// </summary>
internal sealed class DryRunPlanner : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IntakePlanner _planner;
    private readonly string _testNamePrefix;
    private readonly string? _accountGroupId;

    private DryRunPlanner(
        ServiceProvider services, IntakePlanner planner, string testNamePrefix, ThousandEyesApiVersion apiVersion, string? accountGroupId, RulesInEffect rules)
    {
        Rules = rules;
        _services = services;
        _planner = planner;
        _testNamePrefix = testNamePrefix;
        ApiVersion = apiVersion;
        _accountGroupId = accountGroupId;
    }

    public ThousandEyesApiVersion ApiVersion { get; }

    /// <summary>Which rules plan, and why (printed by map and rules test).</summary>
    public RulesInEffect Rules { get; }

    /// <summary>Null with <paramref name="problems"/> when the rules file or the configuration is unusable (a usage error).</summary>
    /// <param name="rules">What <paramref name="rulesPath"/> is (an option, the test file's, or none: the environment's or the defaults).</param>
    public static DryRunPlanner? Create(
        CliContext context, string? rulesPath, string? apiVersion, RulesInEffect rules, bool verbose, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        var overrides = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Ledger:Kind"] = "InMemory",
        };
        if (rulesPath is not null)
        {
            var full = context.ResolvePath(rulesPath);
            if (!File.Exists(full))
            {
                problems = [$"rules file not found: {rulesPath}"];
                return null;
            }

            overrides["Rules:Path"] = full;
        }

        var configuration = CliConfiguration.Build(context, overrides);
        if (!TryReadApiVersion(apiVersion ?? configuration["ThousandEyes:ApiVersion"], out var version))
        {
            problems = [$"API version '{apiVersion ?? configuration["ThousandEyes:ApiVersion"]}' is not v6 or v7 (--api-version or ThousandEyes__ApiVersion)."];
            return null;
        }

        var services = CliServices.Build(context, configuration, LogDisplay.For(verbose));
        try
        {
            var planner = services.GetRequiredService<IntakePlanner>();
            var intake = services.GetRequiredService<IOptions<IntakeOptions>>().Value;
            problems = [];
            return new DryRunPlanner(services, planner, intake.TestNamePrefix, version, configuration["ThousandEyes:AccountGroupId"], rules);
        }
        catch (OptionsValidationException exception)
        {
            services.Dispose();
            problems = [.. exception.Failures];
            return null;
        }
    }

    /// <summary>"v6"/"v7" (either case); null or empty means v7, the default.</summary>
    public static bool TryReadApiVersion(string? text, out ThousandEyesApiVersion version)
    {
        version = ThousandEyesApiVersion.V7;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        switch (text.Trim().ToLower(CultureInfo.InvariantCulture))
        {
            case "v6" or "6":
                version = ThousandEyesApiVersion.V6;
                return true;
            case "v7" or "7":
                return true;
            default:
                return false;
        }
    }

    public PayloadMapping Map(PayloadFile payload, string? source)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var hints = payload.ToHints(source);
        var plan = _planner.Plan(payload.Body, hints);
        return PayloadMapper.Map(plan, ApiVersion, _testNamePrefix, _accountGroupId, hints.MessageId, Rules);
    }

    public void Dispose() => _services.Dispose();
}
