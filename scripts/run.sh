#!/usr/bin/env bash
# Runs the whole system locally and a demo flow:
#   RabbitMQ (management UI), PostgreSQL and an SMTP catcher as private processes under .run/ (each reused if
#   something already answers on its port, e.g. after `docker compose up rabbitmq postgres mailpit`), every service with
#   its Development configuration (operator endpoints on management listeners, 127.0.0.1:908x), development tokens
#   minted into .run/dev.env, the ingress registered with the provider simulator, then a few hundred orders
#   paid, declined and refunded through real signed webhooks while the simulator duplicates and drops some.
# Stays up until Ctrl-C, which stops everything this command started and nothing else.
# --exit-after-demo: run the demo, stop what was started, exit non-zero if any order differs from the provider.
# --compose: the same in containers: every image built, the whole system started from docker-compose.yml
#   (scripts/run-compose.sh), the demo run against the published ports.
set -euo pipefail
cd "$(dirname "$0")/.."
for arg in "$@"; do [ "$arg" = --compose ] && exec scripts/run-compose.sh "$@"; done
source scripts/lib/prerequisites.sh
source scripts/lib/infra.sh
source scripts/lib/dev-env.sh
source scripts/lib/runtime.sh

exit_after_demo=false
[ "${1:-}" = "--exit-after-demo" ] && exit_after_demo=true
ensure_packages "${PAYMENTS_DEBIAN_PACKAGES[@]}"

DEMO_ORDERS=${DEMO_ORDERS:-300}
SIMULATOR=http://127.0.0.1:5090
SIM_ADMIN_KEY=$(grep -o 'sim_admin_[A-Za-z0-9_]*' services/Payments.ProviderSimulator/appsettings.Development.json) # the development admin key of /sim
INGRESS=http://127.0.0.1:5080
ORDERS=http://127.0.0.1:5081
NOTIFICATIONS=http://127.0.0.1:5083
RECONCILIATION=http://127.0.0.1:5084
OPERATIONS=http://127.0.0.1:5085
# Operator endpoints (Management:Urls): loopback only, never on the public listeners.
INGRESS_MANAGEMENT=http://127.0.0.1:9080
ORDERS_MANAGEMENT=http://127.0.0.1:9081
NOTIFICATIONS_MANAGEMENT=http://127.0.0.1:9083
RECONCILIATION_MANAGEMENT=http://127.0.0.1:9084
pids=()
cleanup() {
  set +e # a step that fails must not skip the ones after it (errexit applies inside a trap)
  trap - INT TERM EXIT
  echo
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null && wait "${pids[@]}" 2>/dev/null
  stop_infra
  echo "Stopped what this command started."
}
trap cleanup INT TERM EXIT

echo "Building (Release)..."
dotnet build Payments.sln -c Release -nologo -v quiet
mkdir -p "$RUN_DIR/logs"
dev_signing_key
mint_dev_tokens
start_rabbitmq
start_postgres
start_smtp
# Each service its own broker user and database role (infra/), passwords and URLs in .run/dev.env.
apply_broker_users
apply_database_roles
echo "Broker users and database roles: applied (passwords and broker URLs in $DEV_ENV_FILE)"

pg() { # service
  local password_var="PAYMENTS_POSTGRES_PASSWORD_${1^^}"
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=$1;Password=${!password_var};Database=payments_$1;Maximum Pool Size=40"
}
start_service() { # name url env...
  local name=$1 url=$2; shift 2
  local dll="services/$name/bin/Release/net10.0/$name.dll"
  env ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" OTEL_SERVICE_NAME="$name" $(runtime_env "$dll") \
    Runtime__JitProfileDirectory="$RUN_DIR/jit-profiles" "$@" \
    dotnet "$dll" --contentRoot "$PWD/services/$name/bin/Release/net10.0" > "$RUN_DIR/logs/$name.log" 2>&1 &
  pids+=($!)
}
started_at=$(date +%s.%N)
start_service Payments.ProviderSimulator $SIMULATOR
start_service Payments.Ingress $INGRESS ConnectionStrings__RabbitMq="$PAYMENTS_RABBITMQ_URL_INGRESS" \
  $(dev_bearer_env) Management__Urls=$INGRESS_MANAGEMENT
start_service Payments.Orders $ORDERS ConnectionStrings__RabbitMq="$PAYMENTS_RABBITMQ_URL_ORDERS" ConnectionStrings__Postgres="$(pg orders)" \
  Provider__BaseUrl=$SIMULATOR $(dev_bearer_env) Management__Urls=$ORDERS_MANAGEMENT
start_service Payments.Notifications $NOTIFICATIONS ConnectionStrings__RabbitMq="$PAYMENTS_RABBITMQ_URL_NOTIFICATIONS" ConnectionStrings__Postgres="$(pg notifications)" \
  Smtp__Host=127.0.0.1 Smtp__Port="$SMTP_PORT" $(dev_bearer_env) Management__Urls=$NOTIFICATIONS_MANAGEMENT
start_service Payments.Reconciliation $RECONCILIATION ConnectionStrings__RabbitMq="$PAYMENTS_RABBITMQ_URL_RECONCILIATION" ConnectionStrings__Postgres="$(pg reconciliation)" \
  Provider__BaseUrl=$SIMULATOR Reconciliation__Interval=00:00:02 Reconciliation__StaleAfter=00:00:15 \
  $(dev_bearer_env) Management__Urls=$RECONCILIATION_MANAGEMENT
start_service Payments.Operations $OPERATIONS ConnectionStrings__RabbitMq="$PAYMENTS_RABBITMQ_URL_OPERATIONS" ConnectionStrings__Postgres="$(pg operations)" \
  Operations__Broker__ManagementUrl=http://127.0.0.1:${RABBIT_MGMT_PORT:-15672} Operations__Services__Ingress__BaseUrl=$INGRESS_MANAGEMENT \
  Operations__Services__Orders__BaseUrl=$ORDERS_MANAGEMENT \
  Operations__Services__Notifications__BaseUrl=$NOTIFICATIONS_MANAGEMENT Operations__Services__Reconciliation__BaseUrl=$RECONCILIATION_MANAGEMENT $(dev_bearer_env) \
  ${PAYMENTS_JAEGER_URL:+Operations__Jaeger__BaseUrl=$PAYMENTS_JAEGER_URL}

# Every service polled in one loop, so each one's time to ready (from the moment they were all started) is its own.
declare -A ready_after=()
for _ in $(seq 600); do
  for url in $SIMULATOR $INGRESS $ORDERS $NOTIFICATIONS $RECONCILIATION $OPERATIONS; do
    [ -z "${ready_after[$url]:-}" ] && curl -fs "$url/health/ready" >/dev/null && ready_after[$url]=$(awk -v now="$(date +%s.%N)" -v t0="$started_at" 'BEGIN { printf "%.1f", now - t0 }')
  done
  [ ${#ready_after[@]} -eq 6 ] && break
  sleep 0.1
done
for url in $SIMULATOR $INGRESS $ORDERS $NOTIFICATIONS $RECONCILIATION $OPERATIONS; do
  [ -n "${ready_after[$url]:-}" ] || { echo "$url did not become ready; logs in $RUN_DIR/logs/"; exit 1; }
done
echo "Services: ready (logs in $RUN_DIR/logs/); seconds to ready: simulator ${ready_after[$SIMULATOR]}, ingress ${ready_after[$INGRESS]}," \
  "orders ${ready_after[$ORDERS]}, notifications ${ready_after[$NOTIFICATIONS]}, reconciliation ${ready_after[$RECONCILIATION]}, operations ${ready_after[$OPERATIONS]}"

# The simulator delivers Stripe-signed webhooks to the ingress with the ingress's development secret, and misbehaves.
secret=$(grep -o 'whsec_dev_stripe[A-Za-z0-9_]*' services/Payments.Ingress/appsettings.Development.json)
curl -fs -X POST $SIMULATOR/sim/endpoints -H "Authorization: Bearer $SIM_ADMIN_KEY" -H 'Content-Type: application/json' \
  -d "{\"scheme\":\"stripe\",\"url\":\"$INGRESS/webhooks/stripe\",\"secret\":\"$secret\"}" >/dev/null
curl -fs -X PUT $SIMULATOR/sim/faults -H "Authorization: Bearer $SIM_ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"duplicate_rate":0.1,"drop_rate":0.05,"max_delay_ms":300,"reorder_rate":0.05}' >/dev/null
echo "Simulator: delivering to $INGRESS/webhooks/stripe; duplicating 10%, dropping 5%, delaying and reordering some"

demo_status=0
dotnet tools/Payments.Demo/bin/Release/net10.0/Payments.Demo.dll --orders "$DEMO_ORDERS" --notifications-url "$NOTIFICATIONS_MANAGEMENT" \
  || demo_status=$? # tokens: PAYMENTS_CLIENT_TOKEN and PAYMENTS_OPS_TOKEN from the environment

cat <<INFO

Where to look:
  Operations   $OPERATIONS/   (API $OPERATIONS/api, Bearer \$PAYMENTS_OPS_TOKEN)
  Health       $INGRESS/health/ready  $ORDERS/health/ready  $NOTIFICATIONS/health/ready  $RECONCILIATION/health/ready
  Tokens       source $DEV_ENV_FILE   then  curl -H "Authorization: Bearer \$PAYMENTS_CLIENT_TOKEN" $ORDERS/orders/{id}
  Operators    (Bearer \$PAYMENTS_OPS_TOKEN)  $INGRESS_MANAGEMENT/admin/traffic  $NOTIFICATIONS_MANAGEMENT/notifications?orderId={id}  $ORDERS_MANAGEMENT/admin/outbox/parked  .../admin/audit
  Reconciliation report  $RECONCILIATION_MANAGEMENT/reconciliation/report?from=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)&to=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)
  RabbitMQ UI  http://127.0.0.1:${RABBIT_MGMT_PORT:-15672} (guest/guest: administration only)     Mails  $RUN_DIR/smtp/maildir/new/
  Traces       set OTEL_EXPORTER_OTLP_ENDPOINT (e.g. Jaeger from docker-compose: http://localhost:4318) before running
               (and PAYMENTS_JAEGER_URL, e.g. http://localhost:16686, for the console's trace links)
INFO

if $exit_after_demo; then exit $demo_status; fi
echo "Running until Ctrl-C."
wait "${pids[@]}"
