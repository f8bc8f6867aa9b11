#!/usr/bin/env bash
# Operations benchmark: GET /api/dead-letters on the real service over 10,000 dead letters, six console queries
# (first page, by queue, by reason text, by order, by time range, the last page), p50/p95/p99 over 200 requests each;
# in the same run the same queries on a second instance over 100 letters (the baseline) and the service's SQL alone.
# Writes bench/operations/results.md. Everything shares the machine's cores: compare within a run, not across machines.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/prerequisites.sh
ensure_packages postgresql rabbitmq-server

LETTERS=${LETTERS:-10000}
BASELINE=${BASELINE:-100}
REQUESTS=${REQUESTS:-200}
out=bench/operations/results.md
work=$(mktemp -d /tmp/payments-bench-operations-XXXXXX)
chmod 755 "$work" # the postgres user must reach its data directory
RUN_DIR=$work RABBIT_PORT=$(( 30000 + RANDOM % 5000 )) RABBIT_MGMT_PORT=$(( 35000 + RANDOM % 5000 )) RABBIT_NODE=payments-bench-ops-$$
PG_PORT=$(( 41000 + RANDOM % 4000 ))
source scripts/lib/infra.sh
source scripts/lib/runtime.sh
source scripts/lib/dev-env.sh
pids=()
cleanup() { set +e; for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; stop_infra; rm -rf "$work"; }
trap cleanup EXIT INT TERM

dotnet build bench/Payments.Bench.Operations -c Release -nologo -v quiet
dotnet build tools/Payments.DevTokens -c Release -nologo -v quiet
start_rabbitmq
start_postgres
dev_signing_key
token=$(dotnet tools/Payments.DevTokens/bin/Release/net10.0/Payments.DevTokens.dll --key-file "$DEV_SIGNING_KEY_FILE" --issuer "$DEV_TOKEN_ISSUER" \
  --subject bench-operator --audience payments-operations --scope payments:ops)

service_dll=services/Payments.Operations/bin/Release/net10.0/Payments.Operations.dll
start_service() { # database port
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $1" >/dev/null
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$2 \
  ConnectionStrings__RabbitMq="amqp://guest:guest@127.0.0.1:$RABBIT_PORT/" \
  ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1" \
  Operations__Broker__ManagementUrl=http://127.0.0.1:$RABBIT_MGMT_PORT Operations__Services__Ingress__BaseUrl=http://127.0.0.1:1 Operations__Services__Orders__BaseUrl=http://127.0.0.1:1 \
  Operations__Services__Notifications__BaseUrl=http://127.0.0.1:1 Operations__Services__Reconciliation__BaseUrl=http://127.0.0.1:1 \
  Logging__LogLevel__Default=Warning env $(dev_bearer_env) $(runtime_env "$service_dll") \
    dotnet "$service_dll" --contentRoot "$PWD/services/Payments.Operations/bin/Release/net10.0" > "$work/$1.log" 2>&1 &
  pids+=($!)
}
wait_ready() { # port database
  for _ in $(seq 240); do curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready" && return; sleep 0.25; done
  echo "Operations on :$1 did not become ready"; cat "$work/$2.log"; exit 1
}
large_port=$(( 45000 + RANDOM % 1000 )) small_port=$(( 46000 + RANDOM % 1000 ))
start_service bench_operations_large "$large_port"
start_service bench_operations_small "$small_port"
wait_ready "$large_port" bench_operations_large
wait_ready "$small_port" bench_operations_small

dotnet bench/Payments.Bench.Operations/bin/Release/net10.0/Payments.Bench.Operations.dll \
  --large-postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench_operations_large" --large-url "http://127.0.0.1:$large_port" \
  --small-postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bench_operations_small" --small-url "http://127.0.0.1:$small_port" \
  --token "$token" --out "$out" --letters "$LETTERS" --baseline "$BASELINE" --requests "$REQUESTS"
