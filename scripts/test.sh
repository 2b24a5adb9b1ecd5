#!/usr/bin/env bash
# The one test command: installs what the tests need (Azurite from npm), builds, runs every test project,
# and ends with "tests: N passed, N failed". Works on a fresh machine with the .NET 10 SDK and Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Installing test tools (Azurite) with npm"
npm ci --prefix tools/azurite --no-audit --no-fund --loglevel=error

echo "==> Restoring and building Functions.sln"
dotnet build Functions.sln --nologo -v quiet -clp:ErrorsOnly

results=artifacts/test-results
rm -rf "$results"
echo "==> Running tests"
set +e
# A test that stops making progress for 10 minutes aborts the run and is named (blame's sequence file), instead of
# holding CI until its own time limit ends.
dotnet test Functions.sln --no-build --nologo --blame-hang-timeout 10m --blame-hang-dump-type none --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?
set -e

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$passed" -gt 0 ] || { echo "no test ran" >&2; exit 1; }
exit "$status"
