#!/bin/bash
# RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS / RABBITMQ_DEFAULT_VHOST create the first user on an empty node, as in
# the official image (RabbitMQ 3.10 reads them only from configuration, so they become a conf.d file).
set -euo pipefail
defaults=/etc/rabbitmq/conf.d/10-defaults.conf
if [ -n "${RABBITMQ_DEFAULT_USER:-}${RABBITMQ_DEFAULT_PASS:-}${RABBITMQ_DEFAULT_VHOST:-}" ] && [ -w /etc/rabbitmq/conf.d ]; then
  {
    [ -n "${RABBITMQ_DEFAULT_USER:-}" ] && echo "default_user = $RABBITMQ_DEFAULT_USER"
    [ -n "${RABBITMQ_DEFAULT_PASS:-}" ] && echo "default_pass = $RABBITMQ_DEFAULT_PASS"
    [ -n "${RABBITMQ_DEFAULT_VHOST:-}" ] && echo "default_vhost = $RABBITMQ_DEFAULT_VHOST"
    # A user other than guest is the administrator, as in the official image.
    [ -n "${RABBITMQ_DEFAULT_USER:-}" ] && echo "default_user_tags.administrator = true"
    true
  } > "$defaults"
fi
# exec: the Erlang VM becomes PID 1 and stops the node cleanly on SIGTERM (docker stop).
exec "$@"
