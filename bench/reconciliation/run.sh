#!/usr/bin/env bash
# Reconciliation benchmark: one housekeeping pass over 100,000 pending payments of which 1% are stale, against the
# provider simulator, timed and with every provider request counted; as shipped (partial index on next_check_at) and,
# in the same run on the same data, without that index. Writes bench/reconciliation/results.md.
# Everything shares the machine's cores (PostgreSQL, simulator, bench): compare within a run, not across machines.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/prerequisites.sh
ensure_packages postgresql

PAYMENTS=${PAYMENTS:-100000}
STALE=${STALE:-1000}
RUNS=${RUNS:-10}
out=bench/reconciliation/results.md
work=$(mktemp -d /tmp/payments-bench-reconciliation-XXXXXX)
chmod 755 "$work"
RUN_DIR=$work PG_PORT=$(( 36000 + RANDOM % 4000 ))
source scripts/lib/infra.sh
sim_pid=
cleanup() { set +e; [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; stop_infra; rm -rf "$work"; }
trap cleanup EXIT INT TERM

dotnet build bench/Payments.Bench.Reconciliation -c Release -nologo -v quiet
dotnet build services/Payments.ProviderSimulator -c Release -nologo -v quiet
start_postgres
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE bench_reconciliation" >/dev/null

sim_port=$(( 41000 + RANDOM % 4000 ))
api_key="sk_test_bench_$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# Outside Development the simulator starts only when told it may, and with an admin key (the bench needs no /sim call).
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$sim_port Simulator__ApiKeys__0=$api_key \
Simulator__AllowOutsideDevelopment=true Simulator__AdminKeys__0="sim_admin_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
Simulator__LiqPay__PublicKey=bench_public Simulator__LiqPay__PrivateKey=bench_private Logging__LogLevel__Default=Warning \
  dotnet services/Payments.ProviderSimulator/bin/Release/net10.0/Payments.ProviderSimulator.dll --contentRoot "$PWD/services/Payments.ProviderSimulator/bin/Release/net10.0" > "$work/simulator.log" 2>&1 &
sim_pid=$!
for _ in $(seq 80); do
  curl -fs -o /dev/null "http://127.0.0.1:$sim_port/health/ready" && break
  sleep 0.25
done
curl -fs -o /dev/null "http://127.0.0.1:$sim_port/health/ready" || { echo "the simulator did not start"; cat "$work/simulator.log"; exit 1; }

dotnet bench/Payments.Bench.Reconciliation/bin/Release/net10.0/Payments.Bench.Reconciliation.dll \
  --postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench_reconciliation" \
  --simulator "http://127.0.0.1:$sim_port" --api-key "$api_key" --out "$out" \
  --payments "$PAYMENTS" --stale "$STALE" --runs "$RUNS"
