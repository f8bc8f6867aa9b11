#!/usr/bin/env bash
# Soak: steady signed load through the Stripe, LiqPay and Standard Webhooks (acme) sources for SOAK_MINUTES (default 30) against the
# real services (processes) on throwaway RabbitMQ, PostgreSQL and SMTP containers (tests/Payments.Testing), with a
# fault every SOAK_FAULT_EVERY_SECONDS (default 30) from a rotation: every service killed -9 and restarted, RabbitMQ
# restarted and killed -9, PostgreSQL killed -9, SMTP refusing mail. Prints the ledger and each service's memory per
# minute, writes bench/soak/results.md, and exits 1 on any loss or duplicate.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/prerequisites.sh
source scripts/lib/docker.sh
ensure_docker
ensure_images

dotnet build bench/Payments.Bench.Soak -c Release -nologo -v quiet
dotnet bench/Payments.Bench.Soak/bin/Release/net10.0/Payments.Bench.Soak.dll --minutes "${SOAK_MINUTES:-30}" \
  --fault-every-seconds "${SOAK_FAULT_EVERY_SECONDS:-30}" --order-every-ms "${SOAK_ORDER_EVERY_MS:-500}" --results bench/soak/results.md
