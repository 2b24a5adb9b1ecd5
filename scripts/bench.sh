#!/usr/bin/env bash
# Runs the intake benchmarks (tests/AlertProbe.Benchmarks) with BenchmarkDotNet and prints its summary tables.
# Figures are ratios against a baseline measured in the same run; see docs/benchmarks.md.
# The short job (3 warm-ups, 3 iterations, 1 launch) suits a small shared machine; for steadier figures pass
# your own BenchmarkDotNet arguments, which replace the defaults:
# `bash scripts/bench.sh --filter '*' --job default`, `bash scripts/bench.sh --filter '*Storm*' --job short`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
  set -- --filter '*' --job short
fi

# BenchmarkDotNet's reports go under artifacts/ (or AP_ARTIFACTS) with the rest of the build output.
results="${AP_ARTIFACTS:-artifacts}/benchmarks"
dotnet run -c Release --project tests/AlertProbe.Benchmarks -- --artifacts "$results" "$@"
