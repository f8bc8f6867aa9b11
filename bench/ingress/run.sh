#!/usr/bin/env bash
# Ingress benchmark: wrk with 1 KiB signed Stripe payloads at 64 and 16 connections against, in the same run and on
# the same throwaway RabbitMQ: a bare endpoint (read body, 202), a publish-only endpoint (raw client, persistent
# publish to a quorum queue, awaited confirm) and the real ingress. Writes bench/ingress/results.md.
# Everything shares the machine's cores (broker, service, wrk): compare within a run, not across machines.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/prerequisites.sh
ensure_packages "${PAYMENTS_DEBIAN_PACKAGES[@]}" wrk

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10} # every target: the JIT settles its hot paths (tiering) in about 10 s under load
out=bench/ingress/results.md
work=$(mktemp -d /tmp/payments-bench-XXXXXX)
chmod 755 "$work" # the postgres user must reach its data directory
RUN_DIR=$work RABBIT_PORT=$(( 30000 + RANDOM % 5000 )) RABBIT_MGMT_PORT=$(( 35000 + RANDOM % 5000 )) RABBIT_NODE=payments-bench-$$
source scripts/lib/infra.sh
source scripts/lib/runtime.sh
app_pid=
cleanup() { set +e; [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; stop_infra; rm -rf "$work"; }
trap cleanup EXIT INT TERM

dotnet build bench/Payments.Bench.Baselines -c Release -nologo -v quiet
dotnet build services/Payments.Ingress -c Release -nologo -v quiet
start_rabbitmq
amqp="amqp://guest:guest@127.0.0.1:$RABBIT_PORT/"
secret="whsec_bench_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
port=$(( 40000 + RANDOM % 5000 ))
# The ingress refuses to start outside Development without bearer token settings (for its operator endpoint, which the
# bench never calls): a throwaway key.
bearer=$(throwaway_bearer_env)
ctl() { HOME=$work/rabbitmq /usr/lib/rabbitmq/bin/rabbitmqctl -n "$RABBIT_NODE@localhost" "$@"; }

start_app() { # name
  case $1 in
    ingress)
      env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$port ConnectionStrings__RabbitMq=$amqp $bearer \
      Ingress__Sources__stripe__Scheme=stripe Ingress__Sources__stripe__Secrets__0=$secret Logging__LogLevel__Default=Warning \
      Ingress__Sources__stripe__RateLimit__PermitsPerSecond=1000000 Ingress__Sources__stripe__RateLimit__Burst=1000000 \
        dotnet services/Payments.Ingress/bin/Release/net10.0/Payments.Ingress.dll --contentRoot "$PWD/services/Payments.Ingress/bin/Release/net10.0" > "$work/app.log" 2>&1 &
      ready=/health/ready ;;
    *)
      ASPNETCORE_URLS=http://127.0.0.1:$port RabbitMq=$amqp \
        dotnet bench/Payments.Bench.Baselines/bin/Release/net10.0/Payments.Bench.Baselines.dll > "$work/app.log" 2>&1 &
      ready=/bare ;;
  esac
  app_pid=$!
  for _ in $(seq 80); do
    curl -fs -o /dev/null -X POST -d x "http://127.0.0.1:$port$ready" 2>/dev/null || curl -fs -o /dev/null "http://127.0.0.1:$port$ready" 2>/dev/null && return 0
    sleep 0.25
  done
  echo "$1 did not start"; cat "$work/app.log"; exit 1
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=; }

to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'; }

rows=()
declare -A rps p99
run() { # target path connections
  local target=$1 path=$2 conns=$3 log=$work/wrk-$1-$3.txt rss=0
  python3 bench/ingress/make_payloads.py "$secret" 2000 "$work/payloads.lua"
  ctl purge_queue orders-payment-events >/dev/null 2>&1 || true
  ctl purge_queue bench-publish-only >/dev/null 2>&1 || true
  wrk -t2 -c"$conns" -d"${WARMUP}s" -s "$work/payloads.lua" "http://127.0.0.1:$port$path" >/dev/null
  wrk -t2 -c"$conns" -d"${DURATION}s" --latency -s "$work/payloads.lua" "http://127.0.0.1:$port$path" > "$log" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    local now; now=$(awk '/VmRSS/ { print $2 }' "/proc/$app_pid/status" 2>/dev/null || echo 0)
    [ "${now:-0}" -gt "$rss" ] && rss=$now
    sleep 0.5
  done
  wait "$wrk_pid"
  local r p50 p90 p99v non2xx
  r=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$log")
  p50=$(awk '$1 == "50%" { print $2 }' "$log" | to_ms)
  p90=$(awk '$1 == "90%" { print $2 }' "$log" | to_ms)
  p99v=$(awk '$1 == "99%" { print $2 }' "$log" | to_ms)
  non2xx=$(awk '/Non-2xx/ { print $5 }' "$log"); non2xx=${non2xx:-0}
  rps[$target-$conns]=$r; p99[$target-$conns]=$p99v
  rows+=("| $target | $conns | $r | $p50 | $p90 | $p99v | $non2xx | $(( rss / 1024 )) |")
  echo "$target c=$conns: $r req/s, p99 $p99v ms, non-2xx $non2xx, peak RSS $(( rss / 1024 )) MiB"
}

for target in bare publish-only ingress; do
  start_app "$target"
  path=/$target; [ "$target" = ingress ] && path=/webhooks/stripe
  run "$target" "$path" 64
  run "$target" "$path" 16
  stop_app
done

ratio=$(awk -v a="${rps[ingress-64]}" -v b="${rps[publish-only-64]}" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
ratio_ok=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.8 ? "met" : "NOT met") }')
p99_ok=$(awk -v p="${p99[ingress-16]}" 'BEGIN { print (p <= 15 ? "met" : "NOT met") }')
{
  echo "# Ingress benchmark"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/ingress/run.sh\` on $(nproc) cores ($(awk '/model name/ { sub(/.*: /, ""); print; exit }' /proc/cpuinfo)),"
  echo "RabbitMQ $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null), .NET $(dotnet --version). Broker, service and wrk (-t2) share the cores."
  echo "Payloads: 2000 distinct 1 KiB Stripe \`payment_intent.succeeded\` events, signed at the start of each run. ${WARMUP}s warm-up, ${DURATION}s measured."
  echo
  echo "| target | connections | req/s | p50 ms | p90 ms | p99 ms | non-2xx | peak RSS MiB |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "- Ingress / publish-only ceiling at 64 connections: **$ratio** (target ≥ 0.8: $ratio_ok)"
  echo "- Ingress p99 at 16 connections: **${p99[ingress-16]} ms** (target ≤ 15 ms: $p99_ok)"
  echo
  echo "Runtime settings differ on purpose: the ingress ships \`TieredPGO=false\` and"
  echo "\`System.Threading.ThreadPool.UnfairSemaphoreSpinLimit=0\` in its project (less JIT work after start, no idle"
  echo "spinning next to the broker; see services/Payments.Ingress/Payments.Ingress.csproj). The baselines keep .NET's"
  echo "defaults: neither setting is a generic best practice, both are a choice for a small box shared with the broker."
} > "$out"
cat "$out"
