#!/usr/bin/env bash
# Runs the whole test suite against real RabbitMQ, PostgreSQL and SMTP servers that the test fixtures start as
# throwaway containers (Testcontainers), plus the compose system tests, and prints the real totals as the last line:
# "N passed, N failed, N skipped". Where no Docker engine answers it installs and starts one (as root); where the
# official images cannot be pulled it builds local equivalents (scripts/local-images.sh) and selects them. The line
# before the totals is the run's wall time (installing, building, testing).
set -uo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
elapsed() { local s=$((SECONDS - started)); printf 'Elapsed: %d min %02d s\n' $((s / 60)) $((s % 60)); }
source scripts/lib/prerequisites.sh
source scripts/lib/docker.sh
ensure_packages "${PAYMENTS_TEST_PACKAGES[@]}"
ensure_docker
ensure_images

results=artifacts/test-results
rm -rf "$results"
dotnet build Payments.sln -c Release -nologo -v quiet || { elapsed; echo "0 passed, 1 failed (build failed)"; exit 1; }
# One test project at a time (-m:1): the chaos and compose projects each load both cores, and run side by side their
# timeouts measure each other rather than the system.
dotnet test Payments.sln -c Release --no-build -nologo -m:1 --logger "trx" --results-directory "$results" "$@"
status=$?

# dotnet test's own summary is per assembly; add up the TRX counters of every assembly. A skipped test is in `total`
# but not `executed` (the xUnit adapter leaves `notExecuted` at 0).
totals=$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
  END { printf "%d %d %d %d", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["total"] - c["executed"], c["total"] }')
read -r passed failed skipped total <<<"${totals:-0 0 0 0}"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # a test host that crashed or a run that aborted writes no failing counter: count it.
  echo "dotnet test exited with $status without a failing test in the results (crash or abort)." >&2
fi
elapsed
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
