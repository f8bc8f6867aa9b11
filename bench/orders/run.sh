#!/usr/bin/env bash
# Orders benchmark: payment events straight to the Orders queue. Measures, in one run on one throwaway RabbitMQ and
# PostgreSQL (default durability), events/s applied by the real service, the same transaction as separate commands,
# and the outbox relay's messages/s. Writes bench/orders/results.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/prerequisites.sh
ensure_packages "${PAYMENTS_DEBIAN_PACKAGES[@]}"

EVENTS=${EVENTS:-20000}
RELAY_ROWS=${RELAY_ROWS:-50000}
CONCURRENCY=${CONCURRENCY:-128}
work=$(mktemp -d /tmp/payments-bench-XXXXXX)
chmod 755 "$work" # the postgres user must reach its data directory
RUN_DIR=$work RABBIT_PORT=$(( 30000 + RANDOM % 5000 )) RABBIT_MGMT_PORT=$(( 35000 + RANDOM % 5000 )) RABBIT_NODE=payments-bench-$$
PG_PORT=$(( 41000 + RANDOM % 4000 ))
source scripts/lib/infra.sh
source scripts/lib/runtime.sh
cleanup() { set +e; stop_infra; rm -rf "$work"; }
trap cleanup EXIT INT TERM

dotnet build bench/Payments.Bench.Orders -c Release -nologo -v quiet
start_rabbitmq
start_postgres
ORDERS_RUNTIME_ENV=${ORDERS_RUNTIME_ENV-$(runtime_env services/Payments.Orders/bin/Release/net10.0/Payments.Orders.dll)} \
  dotnet bench/Payments.Bench.Orders/bin/Release/net10.0/Payments.Bench.Orders.dll \
  "amqp://guest:guest@127.0.0.1:$RABBIT_PORT/" "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" \
  "$EVENTS" "$RELAY_ROWS" bench/orders/results.md "$CONCURRENCY"
