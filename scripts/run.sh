#!/usr/bin/env bash
# Runs the system locally: RabbitMQ and PostgreSQL (started as private processes under .run/ unless already
# reachable), the ingress with its Development configuration, and a short demo of signed and forged webhooks.
# Stays up until Ctrl-C; --exit-after-demo runs the demo, stops what it started and exits (non-zero on failure).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
source scripts/lib/infra.sh

exit_after_demo=false
[ "${1:-}" = "--exit-after-demo" ] && exit_after_demo=true
ensure_packages "${PAYMENTS_DEBIAN_PACKAGES[@]}"

INGRESS_URL=${INGRESS_URL:-http://127.0.0.1:5080}
pids=()
cleanup() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null && wait "${pids[@]}" 2>/dev/null
  stop_infra
  echo "Stopped what this command started."
}
trap cleanup INT TERM EXIT

echo "Building..."
dotnet build Payments.sln -c Release -nologo -v quiet
start_rabbitmq
start_postgres

mkdir -p "$RUN_DIR/logs"
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$INGRESS_URL \
  ConnectionStrings__RabbitMq="amqp://guest:guest@127.0.0.1:$RABBIT_PORT/" \
  dotnet services/Payments.Ingress/bin/Release/net10.0/Payments.Ingress.dll > "$RUN_DIR/logs/ingress.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do curl -fs "$INGRESS_URL/health/ready" >/dev/null && break; sleep 0.5; done
curl -fs "$INGRESS_URL/health/ready" >/dev/null || { echo "The ingress did not become ready; see $RUN_DIR/logs/ingress.log"; exit 1; }
echo "Ingress: ready at $INGRESS_URL (log: $RUN_DIR/logs/ingress.log)"

# Demo: a Stripe-signed payment_intent.succeeded, the same one again, and a forgery.
secret=$(grep -o 'whsec_dev_stripe[A-Za-z0-9_]*' services/Payments.Ingress/appsettings.Development.json)
send() { # body, signature secret
  local t sig
  t=$(date +%s)
  sig=$(printf '%s.%s' "$t" "$1" | openssl dgst -sha256 -hmac "$2" | sed 's/^.* //')
  curl -s -o /dev/null -w '%{http_code}' -X POST "$INGRESS_URL/webhooks/stripe" \
    -H 'Content-Type: application/json' -H "Stripe-Signature: t=$t,v1=$sig" --data-binary "$1"
}
body='{"id":"evt_demo_1","type":"payment_intent.succeeded","created":'$(date +%s)',"data":{"object":{"id":"pi_demo_1","amount":4200,"currency":"usd","metadata":{"order_id":"demo-order-1"}}}}'
ok=true
a=$(send "$body" "$secret"); echo "signed webhook      -> $a (202 = durable in RabbitMQ)"; [ "$a" = 202 ] || ok=false
b=$(send "$body" "$secret"); echo "same webhook again  -> $b (accepted again; consumers deduplicate on its event id)"; [ "$b" = 202 ] || ok=false
c=$(send "$body" "whsec_forged"); echo "forged signature    -> $c (401, nothing published)"; [ "$c" = 401 ] || ok=false

if $exit_after_demo; then $ok && exit 0 || exit 1; fi
echo "Health: $INGRESS_URL/health/ready  RabbitMQ UI: http://127.0.0.1:${RABBIT_MGMT_PORT:-15672}  Press Ctrl-C to stop."
wait "${pids[@]}"
