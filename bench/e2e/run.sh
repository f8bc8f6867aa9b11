#!/usr/bin/env bash
# End-to-end benchmark (webhook received -> order paid -> email sent) at fixed rates, against a synchronous endpoint
# that verifies, updates the order and sends the email before answering, in the same run on the same machine.
# Everything runs here: RabbitMQ, PostgreSQL (default durability), an SMTP sink, ingress, Orders, Notifications, the
# baseline and the load generator share the cores. Writes bench/e2e/results.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/prerequisites.sh
ensure_packages "${PAYMENTS_DEBIAN_PACKAGES[@]}"

RATES=${RATES:-250,500,1000,1500}
SECONDS_PER_RATE=${SECONDS_PER_RATE:-10}
work=$(mktemp -d /tmp/payments-bench-XXXXXX)
chmod 755 "$work" # the postgres user must reach its data directory
RUN_DIR=$work RABBIT_PORT=$(( 30000 + RANDOM % 5000 )) RABBIT_MGMT_PORT=$(( 35000 + RANDOM % 5000 )) RABBIT_NODE=payments-bench-$$
PG_PORT=$(( 41000 + RANDOM % 4000 )) SMTP_PORT=$(( 45000 + RANDOM % 1000 )) SMTP_SINK=1 # below the services' ports (base, 46000-48999)
source scripts/lib/infra.sh
source scripts/lib/runtime.sh
pids=()
cleanup() { set +e; [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null; stop_infra; rm -rf "$work"; }
trap cleanup EXIT INT TERM

dotnet build Payments.sln -c Release -nologo -v quiet
start_rabbitmq
start_postgres
start_smtp
create_databases bench_orders bench_notifications bench_sync
amqp="amqp://guest:guest@127.0.0.1:$RABBIT_PORT/"
pg() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1;Maximum Pool Size=64"; }
secret="whsec_e2e_$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
base=$(( 46000 + RANDOM % 3000 ))
# The services refuse to start without bearer token settings; the bench calls none of their APIs: a throwaway key.
bearer=$(throwaway_bearer_env)

run() { # name port env...
  local name=$1 port=$2; shift 2
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning $(runtime_env "$name") "$@" \
    dotnet "$PWD/$name" --contentRoot "$PWD/$(dirname "$name")" > "$work/$(basename "$name").log" 2>&1 &
  pids+=($!)
}
run services/Payments.Ingress/bin/Release/net10.0/Payments.Ingress.dll $base ConnectionStrings__RabbitMq="$amqp" \
  Ingress__Sources__stripe__Scheme=stripe Ingress__Sources__stripe__Secrets__0="$secret" \
  Ingress__Sources__stripe__RateLimit__PermitsPerSecond=1000000 Ingress__Sources__stripe__RateLimit__Burst=1000000 $bearer
run services/Payments.Orders/bin/Release/net10.0/Payments.Orders.dll $((base + 1)) ConnectionStrings__RabbitMq="$amqp" \
  ConnectionStrings__Postgres="$(pg bench_orders)" Provider__BaseUrl=http://127.0.0.1:9 Provider__ApiKey=sk_bench $bearer
run services/Payments.Notifications/bin/Release/net10.0/Payments.Notifications.dll $((base + 2)) ConnectionStrings__RabbitMq="$amqp" \
  ConnectionStrings__Postgres="$(pg bench_notifications)" Smtp__Host=127.0.0.1 Smtp__Port="$SMTP_PORT" Smtp__From=shop@example.com \
  Notifications__OperationsEmail=ops@example.com $bearer
run bench/Payments.Bench.Baselines/bin/Release/net10.0/Payments.Bench.Baselines.dll $((base + 3)) \
  SyncDb="$(pg bench_sync)" SmtpHost=127.0.0.1 SmtpPort="$SMTP_PORT" Secret="$secret" RabbitMq="$amqp"
for port in $base $((base + 1)) $((base + 2)); do
  for _ in $(seq 120); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "service on :$port not ready"; for f in "$work"/*.log; do echo "== $f"; tail -n 5 "$f"; done; exit 1; }
done

# Who pays for a webhook: the driver reads these processes' CPU time (children included) around every rate.
rabbit=$(for p in $(pgrep beam.smp || true); do grep -qz "^RABBITMQ_NODENAME=$RABBIT_NODE@" "/proc/$p/environ" 2>/dev/null && echo "$p"; done | head -1)
processes="ingress=${pids[0]},orders=${pids[1]},notifications=${pids[2]},sync baseline=${pids[3]},RabbitMQ=$rabbit,PostgreSQL=$(head -1 "$RUN_DIR/postgres/data/postmaster.pid"),SMTP sink=$(cat "$RUN_DIR/smtp/pid")"

dotnet bench/Payments.Bench.EndToEnd/bin/Release/net10.0/Payments.Bench.EndToEnd.dll --processes "$processes" \
  --ingress "http://127.0.0.1:$base" --sync "http://127.0.0.1:$((base + 3))" \
  --orders-db "$(pg bench_orders)" --notifications-db "$(pg bench_notifications)" --sync-db "$(pg bench_sync)" \
  --secret "$secret" --rates "$RATES" --seconds "$SECONDS_PER_RATE" --results bench/e2e/results.md
