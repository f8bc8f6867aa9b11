#!/usr/bin/env bash
# Registers a webhook source's endpoint at the Stripe-compatible provider Reconciliation talks to, with the URL and
# events from Reconciliation's configuration (Reconciliation:Endpoints:{source}), and prints the signing secret to add
# as the source's next secret (rotation: services/Payments.Ingress/README.md, Ingress:Sources:{name}:Secrets). Provider:BaseUrl and Provider:ApiKey come from
# Reconciliation's appsettings or the environment (Provider__ApiKey). `scripts/register-webhook.sh --help` for options.
#   scripts/register-webhook.sh stripe --url https://pay.example.com/webhooks/stripe
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tools/Payments.RegisterWebhook/Payments.RegisterWebhook.csproj -c Release -v quiet -nologo >/dev/null
exec dotnet tools/Payments.RegisterWebhook/bin/Release/net10.0/Payments.RegisterWebhook.dll "$@"
