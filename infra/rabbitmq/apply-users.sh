#!/usr/bin/env bash
# The broker users of the services, each allowed only the exchanges and queues its service declares, publishes to and
# consumes (https://www.rabbitmq.com/docs/access-control#authorisation). Idempotent: creates or updates the users,
# their passwords and permissions on the virtual host /, through the management HTTP API (rabbitmqadmin, shipped with
# the management plugin and the official -management images).
# Run by docker-compose.yml (the rabbitmq-users one-shot container), by scripts/run.sh after its broker starts, and by
# the privilege tests on their own brokers.
#
# Environment:
#   RABBITMQ_API_HOST, RABBITMQ_API_PORT        the management API (default 127.0.0.1:15672)
#   RABBITMQ_ADMIN_USER, RABBITMQ_ADMIN_PASSWORD an administrator (the broker's default user); never used by a service
#   PAYMENTS_RABBITMQ_PASSWORD_INGRESS, _ORDERS, _NOTIFICATIONS, _RECONCILIATION   the services' passwords
#
# Names (MassTransit 8's): a message type's exchange is "{namespace}:{type}"; a receive endpoint is a quorum queue and
# a fanout exchange of the same name, with "{queue}_error" and "{queue}_skipped" beside it; a faulting consumer
# publishes to "MassTransit:Fault--{namespace}:{type}--" bound to "MassTransit:Fault". No bus endpoint
# ("{host}_{process}_bus_{id}"): MassTransit declares it only for request/response, which no service uses (none
# appears on a broker after the demo), so no user may create one; a service that starts sending requests is refused.
# Permissions match queue and exchange names alike, so a queue's same-named exchange is never a binding source for
# another service: other services bind a queue straight to the message types' exchanges (Payments.Messaging's
# BrokerConnection), which needs write on the queue and read on the type exchange only. A queue added to Messaging:Broker:Subscribers or RequiredQueues needs its name here too.
set -euo pipefail

api_host=${RABBITMQ_API_HOST:-127.0.0.1}
api_port=${RABBITMQ_API_PORT:-15672}
: "${RABBITMQ_ADMIN_USER:?set RABBITMQ_ADMIN_USER (the broker administrator)}"
: "${RABBITMQ_ADMIN_PASSWORD:?set RABBITMQ_ADMIN_PASSWORD}"

# The administrator's credentials in a private file, not on a command line other processes can read.
config=$(mktemp)
trap 'rm -f "$config"' EXIT
chmod 600 "$config"
printf '[default]\nhostname = %s\nport = %s\nusername = %s\npassword = %s\n' \
  "$api_host" "$api_port" "$RABBITMQ_ADMIN_USER" "$RABBITMQ_ADMIN_PASSWORD" > "$config"
admin() { rabbitmqadmin -c "$config" -N default -q "$@"; }

# The management listener may answer a little after the node reports its AMQP port: a bounded wait.
for _ in $(seq 60); do admin list vhosts name >/dev/null 2>&1 && break; sleep 1; done
admin list vhosts name >/dev/null

# Message type exchanges.
payment_event='Payments\.Contracts:PaymentEventReceived'
order_events='Payments\.Contracts:Order(Created|Paid|PaymentFailed|Refunded|NeedsAttention)'
notified_events='Payments\.Contracts:Order(Paid|PaymentFailed|Refunded|NeedsAttention)'
create_payment='Payments\.Orders\.PaymentCreation:CreateOrderPayment'
# A consumer's own endpoint: its queue and exchange, the error and skipped queues, and Orders' delay queues.
endpoint() { printf '%s(_error|_skipped)?' "$1"; }
# Fault exchanges for the types the service consumes.
faults() { printf 'MassTransit:Fault(--(%s)--)?' "$1"; }

# user NAME PASSWORD CONFIGURE WRITE READ: each permission a list of alternatives, anchored at both ends.
user() {
  local name=$1 password=$2
  [ -n "$password" ] || { echo "apply-users.sh: no password for the $name user (PAYMENTS_RABBITMQ_PASSWORD_${name^^})" >&2; exit 1; }
  admin declare user name="$name" password="$password" tags=
  admin declare permission vhost=/ user="$name" configure="^($3)\$" write="^($4)\$" read="^($5)\$"
  echo "RabbitMQ user $name: permissions applied"
}

# Ingress: publishes PaymentEventReceived and declares Orders' queue so an event accepted before Orders ran waits.
user ingress "${PAYMENTS_RABBITMQ_PASSWORD_INGRESS:-}" \
  "$payment_event|orders-payment-events" \
  "$payment_event|orders-payment-events" \
  "$payment_event"

# Orders: consumes payment events and its own payment commands; publishes order events and CreateOrderPayment;
# declares its subscribers' queues (configure, bind) without being able to read them.
user orders "${PAYMENTS_RABBITMQ_PASSWORD_ORDERS:-}" \
  "$(endpoint orders-payment-events)|orders-payment-events\.not-found-[0-9]+ms|$(endpoint orders-payment-creation)|$payment_event|$create_payment|$order_events|notifications-order-events|reconciliation-order-events|$(faults "$payment_event|$create_payment")" \
  "$(endpoint orders-payment-events)|orders-payment-events\.not-found-[0-9]+ms|$(endpoint orders-payment-creation)|$create_payment|$order_events|notifications-order-events|reconciliation-order-events|$(faults "$payment_event|$create_payment")" \
  "$(endpoint orders-payment-events)|orders-payment-events\.not-found-[0-9]+ms|$(endpoint orders-payment-creation)|$payment_event|$create_payment|$order_events|$(faults "$payment_event|$create_payment")"

# Notifications: consumes the order events it mails about; publishes nothing.
user notifications "${PAYMENTS_RABBITMQ_PASSWORD_NOTIFICATIONS:-}" \
  "$(endpoint notifications-order-events)|$notified_events|$(faults "$notified_events")" \
  "$(endpoint notifications-order-events)|$(faults "$notified_events")" \
  "$(endpoint notifications-order-events)|$notified_events|$(faults "$notified_events")"

# Reconciliation: consumes order events; publishes PaymentEventReceived (the provider's state) into Orders' queue.
user reconciliation "${PAYMENTS_RABBITMQ_PASSWORD_RECONCILIATION:-}" \
  "$(endpoint reconciliation-order-events)|$order_events|$payment_event|orders-payment-events|$(faults "$order_events")" \
  "$(endpoint reconciliation-order-events)|$payment_event|orders-payment-events|$(faults "$order_events")" \
  "$(endpoint reconciliation-order-events)|$order_events|$payment_event|$(faults "$order_events")"
