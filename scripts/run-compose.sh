#!/usr/bin/env bash
# `./scripts/run.sh --compose [--exit-after-demo]`: the whole system in containers from docker-compose.yml, then the
# same demo as ./scripts/run.sh against the published ports. Official images where a registry answers, otherwise the
# local equivalents (scripts/local-images.sh). Stays up until Ctrl-C, which runs `compose down` (`docker compose` or `docker-compose`).
# --exit-after-demo: after the demo, `docker-compose down -v` (containers, network, volumes) and exit non-zero if any
# order did not reach the provider's state.
#
# Environment (each optional; the system tests set them all to run this beside anything else):
#   COMPOSE_PROJECT_NAME  the compose project (default payments); `down` removes exactly what carries its label
#   COMPOSE_FILE          the compose files, ':'-separated (default docker-compose.yml), e.g. one laid over it that
#                         names the images
#   PAYMENTS_*_PORT       the host ports docker-compose.yml publishes (defaults 5080-5090, 5672, 15672, ...)
#   PAYMENTS_COMPOSE_NO_BUILD=1  skip `docker-compose build`: run the images already there (`up` builds only a
#                         missing one)
#   RUN_DIR               where dev.env and the development signing key are kept (default .run)
#   DEMO_ORDERS           how many orders the demo places (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/docker.sh
source scripts/lib/dev-env.sh

exit_after_demo=false
for arg in "$@"; do
  case $arg in
    --compose) ;;
    --exit-after-demo) exit_after_demo=true ;;
    *) echo "usage: scripts/run.sh --compose [--exit-after-demo]" >&2; exit 2 ;;
  esac
done

ensure_docker
ensure_images
command -v dotnet >/dev/null || { echo "error: the .NET SDK 10 is required for the demo client (https://dot.net)." >&2; exit 1; }
export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-payments}
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0 # Debian's docker-compose 1.29 and a 20.10 engine: legacy builder
export COMPOSE_FILE=${COMPOSE_FILE:-docker-compose.yml}

# Passwords: the environment's, else .env's (docker-compose.yml's file), else random ones kept per machine in
# .run/dev.env. Each service's broker URL goes there too (PAYMENTS_RABBITMQ_URL_<SERVICE>, on the published port).
if [ -f .env ]; then set -a; source .env; set +a; fi
for var in PAYMENTS_RABBITMQ_ADMIN_PASSWORD PAYMENTS_POSTGRES_ADMIN_PASSWORD \
  PAYMENTS_RABBITMQ_PASSWORD_{INGRESS,ORDERS,NOTIFICATIONS,RECONCILIATION,OPERATIONS} PAYMENTS_POSTGRES_PASSWORD_{ORDERS,NOTIFICATIONS,RECONCILIATION,OPERATIONS}; do
  dev_env_secret "$var"
done
for service in ingress orders notifications reconciliation operations; do
  password_var="PAYMENTS_RABBITMQ_PASSWORD_${service^^}"
  dev_env_set "PAYMENTS_RABBITMQ_URL_${service^^}" "amqp://$service:${!password_var}@127.0.0.1:${PAYMENTS_RABBITMQ_PORT:-5672}/"
done
echo "Passwords and broker URLs: $DEV_ENV_FILE"

DEMO_ORDERS=${DEMO_ORDERS:-300}
SIMULATOR=http://127.0.0.1:${PAYMENTS_SIMULATOR_PORT:-5090}
SIM_ADMIN_KEY=$(grep -o 'sim_admin_[A-Za-z0-9_]*' services/Payments.ProviderSimulator/appsettings.Development.json) # the development admin key of /sim
INGRESS=http://127.0.0.1:${PAYMENTS_INGRESS_PORT:-5080}
ORDERS=http://127.0.0.1:${PAYMENTS_ORDERS_PORT:-5081}
NOTIFICATIONS=http://127.0.0.1:${PAYMENTS_NOTIFICATIONS_PORT:-5083}
RECONCILIATION=http://127.0.0.1:${PAYMENTS_RECONCILIATION_PORT:-5084}
OPERATIONS=http://127.0.0.1:${PAYMENTS_OPERATIONS_PORT:-5085}
# Operator endpoints (the services' management listeners, docker-compose.yml's Management__Urls): loopback only.
INGRESS_MANAGEMENT=http://127.0.0.1:${PAYMENTS_INGRESS_MANAGEMENT_PORT:-9080}
ORDERS_MANAGEMENT=http://127.0.0.1:${PAYMENTS_ORDERS_MANAGEMENT_PORT:-9081}
NOTIFICATIONS_MANAGEMENT=http://127.0.0.1:${PAYMENTS_NOTIFICATIONS_MANAGEMENT_PORT:-9083}
RECONCILIATION_MANAGEMENT=http://127.0.0.1:${PAYMENTS_RECONCILIATION_MANAGEMENT_PORT:-9084}

started=false
cleanup() {
  set +e # a step that fails must not skip the ones after it (errexit applies inside a trap)
  trap - INT TERM EXIT
  echo
  if $started; then
    if $exit_after_demo; then compose down -v --remove-orphans; else compose down --remove-orphans; fi
    echo "Stopped what this command started (compose project $COMPOSE_PROJECT_NAME)."
  fi
}
trap cleanup INT TERM EXIT

start=$SECONDS
echo "Building the demo client and the service images..."
dotnet build tools/Payments.Demo/Payments.Demo.csproj -c Release -nologo -v quiet
dotnet build tools/Payments.DevTokens/Payments.DevTokens.csproj -c Release -nologo -v quiet
dev_signing_key # exported as PAYMENTS_DEV_SIGNING_KEY, which docker-compose.yml passes to the services
mint_dev_tokens
if [ "${PAYMENTS_COMPOSE_NO_BUILD:-}" = 1 ]; then
  echo "Images: not rebuilt (PAYMENTS_COMPOSE_NO_BUILD=1)"
else
  compose build
  echo "Images built in $((SECONDS - start)) s"
fi
started=true
compose up -d

# Every container reports healthy (RabbitMQ, PostgreSQL, Mailpit, Jaeger, then the services) and every one-shot
# (postgres-roles) finished with 0, bounded wait.
deadline=$((SECONDS + 300))
while :; do
  unhealthy=$(for id in $(compose ps -q); do
    case "$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}} {{.State.ExitCode}}{{end}}' "$id")" in
      healthy|"exited 0") ;;
      *) docker inspect -f '{{.Name}}' "$id" ;;
    esac
  done)
  [ -z "$unhealthy" ] && break
  if [ $SECONDS -ge $deadline ]; then
    echo "Not healthy within 300 s:" $unhealthy >&2; compose ps >&2; compose logs --tail 30 >&2; exit 1
  fi
  sleep 2
done
echo "Containers: all healthy $((SECONDS - start)) s after the start"

# Inside the compose network the simulator reaches the ingress by its service name.
secret=$(grep -o 'whsec_dev_stripe[A-Za-z0-9_]*' services/Payments.Ingress/appsettings.Development.json)
curl -fs -X POST "$SIMULATOR/sim/endpoints" -H "Authorization: Bearer $SIM_ADMIN_KEY" -H 'Content-Type: application/json' \
  -d "{\"scheme\":\"stripe\",\"url\":\"http://ingress:8080/webhooks/stripe\",\"secret\":\"$secret\"}" >/dev/null
curl -fs -X PUT "$SIMULATOR/sim/faults" -H "Authorization: Bearer $SIM_ADMIN_KEY" -H 'Content-Type: application/json' \
  -d '{"duplicate_rate":0.1,"drop_rate":0.05,"max_delay_ms":300,"reorder_rate":0.05}' >/dev/null
echo "Simulator: delivering to http://ingress:8080/webhooks/stripe; duplicating 10%, dropping 5%, delaying and reordering some"

demo_status=0
dotnet tools/Payments.Demo/bin/Release/net10.0/Payments.Demo.dll --orders "$DEMO_ORDERS" \
  --orders-url "$ORDERS" --simulator-url "$SIMULATOR" --notifications-url "$NOTIFICATIONS_MANAGEMENT" || demo_status=$?

cat <<INFO

Where to look:
  Operations   $OPERATIONS/   (API $OPERATIONS/api, Bearer \$PAYMENTS_OPS_TOKEN from $DEV_ENV_FILE)
  Operator     $INGRESS_MANAGEMENT  $ORDERS_MANAGEMENT  $NOTIFICATIONS_MANAGEMENT  $RECONCILIATION_MANAGEMENT   (Bearer \$PAYMENTS_OPS_TOKEN)
  Health       $INGRESS/health/ready  $ORDERS/health/ready  $NOTIFICATIONS/health/ready  $RECONCILIATION/health/ready  $OPERATIONS/health/ready
  RabbitMQ UI  http://127.0.0.1:${PAYMENTS_RABBITMQ_UI_PORT:-15672} (admin, password in $DEV_ENV_FILE)   Mails  http://127.0.0.1:${PAYMENTS_MAILPIT_UI_PORT:-8025}
  Traces       http://127.0.0.1:${PAYMENTS_JAEGER_UI_PORT:-16686}   Logs  $(compose_cli) logs -f
INFO
echo "Demo finished $((SECONDS - start)) s after the start (exit $demo_status)"

if $exit_after_demo; then exit $demo_status; fi
echo "Running until Ctrl-C."
compose logs -f --tail 0 || true
