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

// `bash scripts/bench.sh` runs every benchmark; pass BenchmarkDotNet's own options (--filter, --job) after `--`.
// Wide parameter column: the sample file names are the parameter and must be readable in the summary.
var config = DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
BenchmarkSwitcher.FromAssembly(typeof(AlertProbe.Benchmarks.RepositoryRoot).Assembly).Run(args, config);
return 0;
