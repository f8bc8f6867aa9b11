#!/bin/sh
# The broker's users and their permissions, declared once: prints RabbitMQ definitions (JSON) for the virtual host /,
# the administrator and one user per service, each allowed only the exchanges and queues its service declares,
# publishes to and consumes (https://www.rabbitmq.com/docs/access-control#authorisation). Plain "password" fields: the
# import hashes them as PUT /api/users does (rabbit_auth_backend_internal:put_user), so no hash is computed here.
# POSIX sh, printf and sed only, so it runs in the official rabbitmq images and the local one alike.
#   entrypoint.sh         renders it at container start for load_definitions (docker-compose.yml): the users exist
#                         before the broker accepts a connection
#   scripts/lib/infra.sh  renders it for the run script's local broker, loaded at boot the same way
#   IMPORT=1 sh definitions.sh   imports it into a running node with rabbitmqctl import_definitions (the privilege tests)
#
# Environment:
#   RABBITMQ_ADMIN_USER, RABBITMQ_ADMIN_PASSWORD   the administrator (management UI); never used by a service
#   PAYMENTS_RABBITMQ_PASSWORD_INGRESS, _ORDERS, _NOTIFICATIONS, _RECONCILIATION, _OPERATIONS   the services' passwords
#
# Names (MassTransit 8's): a message type's exchange is "{namespace}:{type}"; a receive endpoint is a quorum queue and
# a fanout exchange of the same name, with "{queue}_error" and "{queue}_skipped" beside it; a faulting consumer
# publishes to "MassTransit:Fault--{namespace}:{type}--" bound to "MassTransit:Fault". No bus endpoint
# ("{host}_{process}_bus_{id}"): MassTransit declares it only for request/response, which no service uses, so no user
# may create one. Permissions match queue and exchange names alike, so a queue's same-named exchange is never a binding
# source for another service: other services bind a queue straight to the message types' exchanges (Payments.Messaging's
# BrokerConnection), which needs write on the queue and read on the type exchange only. A queue added to
# Messaging:Broker:Subscribers or RequiredQueues needs its name here too.
set -eu

fail() { echo "definitions.sh: $1" >&2; exit 1; }
: "${RABBITMQ_ADMIN_USER:?set RABBITMQ_ADMIN_USER (the broker administrator)}"
: "${RABBITMQ_ADMIN_PASSWORD:?set RABBITMQ_ADMIN_PASSWORD}"

# A JSON string's content: backslashes and quotes escaped (regular expressions carry backslashes).
json() { printf '%s' "$1" | sed 's/[\\"]/\\&/g'; }

# Message type exchanges.
payment_event='Payments\.Contracts:PaymentEventReceived'
order_events='Payments\.Contracts:Order(Created|Paid|PaymentFailed|Refunded|NeedsAttention|PaymentStatusChanged)'
notified_events='Payments\.Contracts:Order(Paid|PaymentFailed|Refunded|NeedsAttention)'
# Reconciliation's: none of them carries the customer's address (OrderPaid, OrderPaymentFailed and OrderRefunded do).
reconciled_events='Payments\.Contracts:Order(Created|PaymentStatusChanged|NeedsAttention)'
create_payment='Payments\.Orders\.PaymentCreation:CreateOrderPayment'
# A consumer's own endpoint: its queue and exchange, the error and skipped queues.
endpoint() { printf '%s(_error|_skipped)?' "$1"; }
# Fault exchanges for the types the service consumes.
faults() { printf 'MassTransit:Fault(--(%s)--)?' "$1"; }

users=''
permissions=''
# user NAME PASSWORD_VARIABLE TAGS CONFIGURE WRITE READ: each permission a list of alternatives, anchored at both ends.
user() {
  eval "password=\${$2:-}"
  [ -n "$password" ] || fail "no password for the $1 user ($2)"
  users="$users${users:+,}
    {\"name\": \"$(json "$1")\", \"password\": \"$(json "$password")\", \"tags\": \"$3\"}"
  permissions="$permissions${permissions:+,}
    {\"user\": \"$(json "$1")\", \"vhost\": \"/\", \"configure\": \"$(json "^($4)\$")\", \"write\": \"$(json "^($5)\$")\", \"read\": \"$(json "^($6)\$")\"}"
}

user "$RABBITMQ_ADMIN_USER" RABBITMQ_ADMIN_PASSWORD administrator '.*' '.*' '.*'

# Ingress: publishes PaymentEventReceived and declares Orders' queue so an event accepted before Orders ran waits.
user ingress PAYMENTS_RABBITMQ_PASSWORD_INGRESS '' \
  "$payment_event|orders-payment-events" \
  "$payment_event|orders-payment-events" \
  "$payment_event"

# Orders: consumes payment events and its own payment commands; publishes order events and CreateOrderPayment;
# declares its subscribers' queues (configure, bind) without being able to read them.
user orders PAYMENTS_RABBITMQ_PASSWORD_ORDERS '' \
  "$(endpoint orders-payment-events)|orders-payment-events\.not-found-[0-9]+ms|$(endpoint orders-payment-creation)|$payment_event|$create_payment|$order_events|notifications-order-events|reconciliation-order-events|$(faults "$payment_event|$create_payment")" \
  "$(endpoint orders-payment-events)|orders-payment-events\.not-found-[0-9]+ms|$(endpoint orders-payment-creation)|$create_payment|$order_events|notifications-order-events|reconciliation-order-events|$(faults "$payment_event|$create_payment")" \
  "$(endpoint orders-payment-events)|orders-payment-events\.not-found-[0-9]+ms|$(endpoint orders-payment-creation)|$payment_event|$create_payment|$order_events|$(faults "$payment_event|$create_payment")"

# Notifications: consumes the order events it mails about; publishes nothing.
user notifications PAYMENTS_RABBITMQ_PASSWORD_NOTIFICATIONS '' \
  "$(endpoint notifications-order-events)|$notified_events|$(faults "$notified_events")" \
  "$(endpoint notifications-order-events)|$(faults "$notified_events")" \
  "$(endpoint notifications-order-events)|$notified_events|$(faults "$notified_events")"

# Reconciliation: consumes the order events without an address; publishes PaymentEventReceived (the provider's state) into Orders' queue.
user reconciliation PAYMENTS_RABBITMQ_PASSWORD_RECONCILIATION '' \
  "$(endpoint reconciliation-order-events)|$reconciled_events|$payment_event|orders-payment-events|$(faults "$reconciled_events")" \
  "$(endpoint reconciliation-order-events)|$payment_event|orders-payment-events|$(faults "$reconciled_events")" \
  "$(endpoint reconciliation-order-events)|$reconciled_events|$payment_event|$(faults "$reconciled_events")"

# Operations: reads (and passively declares) every consumer's error queue, replays into the queues' own exchanges, and
# reads queue depths through the management API (the monitoring tag: read-only, no configuration of anything).
replayed='orders-payment-events|orders-payment-creation|notifications-order-events|reconciliation-order-events'
user operations PAYMENTS_RABBITMQ_PASSWORD_OPERATIONS monitoring \
  "($replayed)_error" \
  "$replayed" \
  "($replayed)_error"

definitions=$(printf '{\n  "vhosts": [{"name": "/"}],\n  "users": [%s\n  ],\n  "permissions": [%s\n  ]\n}\n' "$users" "$permissions")
if [ "${IMPORT:-}" = 1 ]; then
  # A running node (the privilege tests): the same definitions, imported; creates or updates users and permissions.
  file=$(mktemp)
  trap 'rm -f "$file"' EXIT
  printf '%s\n' "$definitions" > "$file"
  rabbitmqctl -q import_definitions "$file"
  echo "RabbitMQ users imported"
else
  printf '%s\n' "$definitions"
fi
