#!/bin/sh
# The broker's entrypoint in docker-compose.yml: renders definitions.sh (users, passwords from the environment,
# permissions) into the file load_definitions names (definitions.conf), then runs the image's own entrypoint. The users
# thus exist before the broker accepts its first connection, so a service started before the broker never meets a
# refused login. Without RABBITMQ_DEFAULT_USER: load_definitions replaces the default user, the administrator is in the
# definitions. POSIX sh, for the official images and the local one alike.
set -eu
umask 077
sh /etc/rabbitmq/payments/definitions.sh > /tmp/payments-definitions.json
# Started as root, the image's entrypoint may hand over to the rabbitmq user: the file must stay readable to it.
if [ "$(id -u)" = 0 ] && id rabbitmq >/dev/null 2>&1; then chown rabbitmq /tmp/payments-definitions.json; fi
exec docker-entrypoint.sh "$@"
