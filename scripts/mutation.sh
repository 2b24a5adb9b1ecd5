#!/usr/bin/env bash
# Mutation testing (Stryker.NET) of the code that guards security, exactly-once and verdicts, one area at a time:
#   bash scripts/mutation.sh [policy|verdicts|intake|ledger|budget|all]
# Installs what it needs (Azurite from npm as scripts/test.sh does, dotnet-stryker from .config/dotnet-tools.json),
# runs Stryker against tests/AlertProbe.Core.Tests with --mutate scoped to the area's files and a test filter that
# keeps the run to the tests that exercise it, and ends with one line per area: "mutation score: AREA N.N %",
# with the equivalent mutants of tests/mutation/equivalent-mutants.tsv left out. Too slow for CI: see docs/testing.md.
# MUTATION_RERUN=1 tests again only the mutants the area's last run left undetected (same source, tests only added) and
# scores the last report with their new statuses merged in (tests/mutation/rerun.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

area_arg=${1:-all}
case "$area_arg" in
  policy|verdicts|intake|ledger|budget) areas=("$area_arg") ;;
  all) areas=(policy verdicts budget intake ledger) ;;
  *) echo "usage: bash scripts/mutation.sh [policy|verdicts|intake|ledger|budget|all]" >&2; exit 2 ;;
esac

# Per area: the files mutated (globs relative to src/AlertProbe.Core) and the tests run (dotnet test --filter).
ns=AlertProbe.Core.Tests
declare -A mutate=(
  [policy]='**/Policy/**/*.cs'
  [verdicts]='**/FollowUp/Verdicts/**/*.cs'
  [intake]='**/Intake/InstantTestCreator.cs'
  [ledger]='**/Ledger/StoreLedger.cs'
  [budget]='**/RateLimiting/RateBudget.cs'
)
declare -A tests=(
  [policy]="FullyQualifiedName~$ns.Policy.|FullyQualifiedName~$ns.Security."
  [verdicts]="FullyQualifiedName~$ns.FollowUp."
  [intake]="FullyQualifiedName~$ns.Intake."
  [ledger]="FullyQualifiedName~$ns.Ledger.|FullyQualifiedName~$ns.Intake."
  [budget]="FullyQualifiedName~$ns.RateLimiting."
)
# An upper bound per area, so a hung mutant run cannot hold the machine (intake needed more than an hour on 2026-12-02).
limit=${MUTATION_TIMEOUT:-7200}

echo "==> Installing test tools (Azurite with npm, dotnet-stryker from the tool manifest)"
npm ci --prefix tools/azurite --no-audit --no-fund --loglevel=error
dotnet tool restore >/dev/null

# Stryker writes mutated assemblies into the build output: keep it in its own folder so the ordinary build under
# artifacts/ never picks up a mutated AlertProbe.Core.dll.
export AP_ARTIFACTS="$root/artifacts/mutation/build"
out="$root/artifacts/mutation"
mkdir -p "$out"

scores=()
for area in "${areas[@]}"; do
  patterns=("${mutate[$area]}")
  previous=""
  if [ "${MUTATION_RERUN:-0}" = 1 ]; then
    last="$out/$area/reports/merged-report.json"
    [ -f "$last" ] || last="$out/$area/reports/mutation-report.json"
    if [ ! -f "$last" ]; then echo "MUTATION_RERUN=1 needs a previous report of $area ($last)" >&2; exit 1; fi
    previous="$out/$area-previous.json"
    cp "$last" "$previous"
    mapfile -t patterns < <(node tests/mutation/rerun.mjs spans "$previous")
  fi
  mutate_args=()
  for pattern in "${patterns[@]}"; do mutate_args+=(--mutate "$pattern"); done
  echo "==> Stryker: $area (${patterns[*]})"
  rm -rf "$out/$area"
  started=$(date +%s)
  set +e
  (cd tests/AlertProbe.Core.Tests && timeout "$limit" dotnet dotnet-stryker \
      --config-file "$root/tests/mutation/stryker-config.json" \
      "${mutate_args[@]}" \
      --test-case-filter "${tests[$area]}" \
      --output "$out/$area" \
      --skip-version-check)
  status=$?
  set -e
  seconds=$(( $(date +%s) - started ))
  report="$out/$area/reports/mutation-report.json"
  if [ "$status" -ne 0 ] || [ ! -f "$report" ]; then
    echo "Stryker failed for $area (exit $status after ${seconds} s); no score" >&2
    exit 1
  fi
  echo "$area took ${seconds} s; survivors listed in $out/$area/survivors.txt"
  if [ -n "$previous" ]; then
    node tests/mutation/rerun.mjs merge "$previous" "$report" "$out/$area/reports/merged-report.json"
    report="$out/$area/reports/merged-report.json"
  fi
  scores+=("$(node tests/mutation/score.mjs "$report" tests/mutation/equivalent-mutants.tsv "$area" "$out/$area/survivors.txt")")
done

for line in "${scores[@]}"; do echo "$line"; done
