using AlertProbe.Benchmarks.Storm;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using AlertProbe.Benchmarks.Rules;
using AlertProbe.Benchmarks.Startup;

// Measurement commands that print their own figures (each documented in docs/benchmarks.md).
if (args is ["rules", .. var rulesArgs])
{
    return RulesBenchmarkCommand.Run(rulesArgs);
}

if (args is ["startup", .. var startupArgs])
{
    return StartupBenchmarkCommand.Run(startupArgs);
}

// `storm …` runs the alert-storm scenario (docs/benchmarks.md); anything else goes to BenchmarkDotNet:
// `bash scripts/bench.sh` runs every benchmark; pass BenchmarkDotNet's own options (--filter, --job) after `--`.
if (args is ["storm", .. var stormArgs])
{
    return await StormCommand.RunAsync(stormArgs);
}

// `soak …`: the storm with faults (issue 15; docs/reliability.md).
if (args is ["soak", .. var soakArgs])
{
    return await StormCommand.RunAsync(soakArgs, soak: true);
}

if (args is ["pipeline", .. var pipelineArgs])
{
    return await AlertProbe.Benchmarks.Pipeline.PipelineComparison.RunAsync(pipelineArgs);
}

// Wide parameter column: the sample file names are the parameter and must be readable in the summary.
var config = DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
BenchmarkSwitcher.FromAssembly(typeof(AlertProbe.Benchmarks.RepositoryRoot).Assembly).Run(args, config);
return 0;
