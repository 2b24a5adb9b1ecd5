using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using AlertProbe.Benchmarks.Rules;

// Measurement commands that print their own figures (each documented in docs/benchmarks.md).
if (args is ["rules", .. var rulesArgs])
{
    return RulesBenchmarkCommand.Run(rulesArgs);
}

// `bash scripts/bench.sh` runs every benchmark; pass BenchmarkDotNet's own options (--filter, --job) after `--`.
// Wide parameter column: the sample file names are the parameter and must be readable in the summary.
var config = DefaultConfig.Instance.WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
