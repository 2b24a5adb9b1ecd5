using BenchmarkDotNet.Running;

// `bash scripts/bench.sh` runs every benchmark; pass BenchmarkDotNet's own options (--filter, --job) after `--`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
