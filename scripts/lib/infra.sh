# Starts RabbitMQ and PostgreSQL as private local processes under $RUN_DIR unless something already answers
# on their ports. Records what it started, so stop_infra stops exactly that and nothing else.
# Recipes: ../shared/ENVIRONMENT.md was our guide; nothing here reads it.

RUN_DIR=${RUN_DIR:-$PWD/.run}
RABBIT_PORT=${RABBIT_PORT:-5672}
PG_PORT=${PG_PORT:-5432}
STARTED=()

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_rabbitmq() {
  if port_open "$RABBIT_PORT"; then echo "RabbitMQ: using the one already on :$RABBIT_PORT"; return; fi
  local d="$RUN_DIR/rabbitmq"
  mkdir -p "$d"
  echo "[rabbitmq_management]." > "$d/enabled_plugins"
  # Everything this broker listens on is bound to the loopback (AMQP, the management API, Erlang distribution and
  # epmd), and guest keeps RabbitMQ's default of loopback-only logins: nothing off this machine can reach the
  # administrator, or publish to an exchange past the services' own users.
  printf 'management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "${RABBIT_MGMT_PORT:-15672}" > "$d/rabbitmq.conf"
  (
    export RABBITMQ_NODENAME=${RABBIT_NODE:-payments-run}@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$RABBIT_PORT
    export RABBITMQ_DIST_PORT=$((RABBIT_PORT + 20000)) ERL_EPMD_ADDRESS=127.0.0.1
    export RABBITMQ_MNESIA_BASE=$d/mnesia RABBITMQ_LOG_BASE=$d/log RABBITMQ_ENABLED_PLUGINS_FILE=$d/enabled_plugins
    export RABBITMQ_CONFIG_FILE=$d/rabbitmq RABBITMQ_FEATURE_FLAGS_FILE=$d/ff RABBITMQ_PLUGINS_EXPAND_DIR=$d/plugins-expand HOME=$d
    # Erlang's schedulers spin up to a few ms before sleeping: at ordinary rates that spinning is most of the broker's
    # CPU per message, on cores the services need. Off, a message may wait a wake-up (tens of µs); see decision 0028.
    export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="${RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS:-+sbwt none +sbwtdcpu none +sbwtdio none} -kernel inet_dist_use_interface {127,0,0,1}"
    setsid /usr/lib/rabbitmq/bin/rabbitmq-server > "$d/out.log" 2>&1 &
    echo $! > "$d/pid"
    for _ in $(seq 60); do
      /usr/lib/rabbitmq/bin/rabbitmqctl -n ${RABBIT_NODE:-payments-run}@localhost await_startup --timeout 2 >/dev/null 2>&1 && exit 0
      sleep 1
    done
    echo "RabbitMQ did not start; see $d/out.log" >&2; exit 1
  ) || exit 1
  STARTED+=(rabbitmq)
  echo "RabbitMQ: started on 127.0.0.1:$RABBIT_PORT (management UI http://127.0.0.1:${RABBIT_MGMT_PORT:-15672}, guest/guest from this machine only)"
}

# PG_OPTIONS adds server settings, e.g. for profiling a benchmark:
#   PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements" bash bench/notifications/run.sh
start_postgres() {
  if port_open "$PG_PORT"; then echo "PostgreSQL: using the one already on :$PG_PORT"; return; fi
  local d="$RUN_DIR/postgres" bin=/usr/lib/postgresql/15/bin as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  install -d ${as:+-o postgres} "$d"
  [ -f "$d/data/PG_VERSION" ] || "${as[@]}" "$bin/initdb" -D "$d/data" -A trust -U postgres >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$d/data" -o "-p $PG_PORT -k $d -c listen_addresses=127.0.0.1 -c max_connections=300 ${PG_OPTIONS:-}" -l "$d/log" -w start >/dev/null
  STARTED+=(postgres)
  echo "PostgreSQL: started on :$PG_PORT (user postgres, trust auth on loopback)"
}

stop_infra() {
  local s
  for s in "${STARTED[@]}"; do
    case $s in
      smtp)
        kill "$(cat "$RUN_DIR/smtp/pid")" 2>/dev/null ;;
      rabbitmq)
        HOME=$RUN_DIR/rabbitmq /usr/lib/rabbitmq/bin/rabbitmqctl -n ${RABBIT_NODE:-payments-run}@localhost stop >/dev/null 2>&1 \
          || kill "$(cat "$RUN_DIR/rabbitmq/pid")" 2>/dev/null
        # The pid above is setsid's wrapper: whatever Erlang VM still runs on this node's data directory goes too.
        pkill -KILL -f -- "$RUN_DIR/rabbitmq/mnesia" 2>/dev/null || true ;;
      postgres)
        local as=(); [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
        "${as[@]}" /usr/lib/postgresql/15/bin/pg_ctl -D "$RUN_DIR/postgres/data" -m fast stop >/dev/null 2>&1 ;;
    esac
  done
  STARTED=()
}

SMTP_PORT=${SMTP_PORT:-2525}

# An SMTP catcher: Debian's aiosmtpd storing every message in a Maildir (Debian's python3, not a pyenv one on PATH).
start_smtp() {
  if port_open "$SMTP_PORT"; then echo "SMTP: using the server already on :$SMTP_PORT"; return; fi
  local d="$RUN_DIR/smtp"
  mkdir -p "$d/maildir"/{cur,new,tmp}
  # SMTP_SINK=1 discards messages instead (benchmarks: a Python Maildir writer is slower than what it measures).
  # Otherwise every message is stored in a Maildir by scripts/lib/smtp_catcher.py (no fsync per message: see there).
  if [ -n "${SMTP_SINK:-}" ]; then set -- -c aiosmtpd.handlers.Sink; else set -- -c smtp_catcher.Maildir "$d/maildir"; fi
  PYTHONPATH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)" setsid /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" "$@" > "$d/out.log" 2>&1 &
  echo $! > "$d/pid"
  for _ in $(seq 50); do port_open "$SMTP_PORT" && break; sleep 0.1; done
  STARTED+=(smtp)
  echo "SMTP catcher: started on :$SMTP_PORT (mails in $d/maildir/new)"
}

# One database per service (each service migrates its own schema at start-up).
create_databases() {
  local db
  for db in "$@"; do
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
      || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $db" >/dev/null
  done
}

# The services' broker users (infra/rabbitmq/definitions.sh, the file compose's broker loads at boot), passwords per
# machine in .run/dev.env, imported through the management API so a broker already on the port gets them too; the
# local broker's administrator is guest (loopback only), RABBITMQ_ADMIN_USER/PASSWORD for another. Each service's URL
# goes to dev.env as PAYMENTS_RABBITMQ_URL_<SERVICE>.
apply_broker_users() {
  local service upper definitions=$RUN_DIR/rabbitmq-definitions.json config=$RUN_DIR/rabbitmqadmin.conf
  for service in ingress orders notifications reconciliation operations; do
    upper=${service^^}
    dev_env_secret "PAYMENTS_RABBITMQ_PASSWORD_$upper"
  done
  export RABBITMQ_ADMIN_USER=${RABBITMQ_ADMIN_USER:-guest} RABBITMQ_ADMIN_PASSWORD=${RABBITMQ_ADMIN_PASSWORD:-guest}
  # Passwords in private files, not on a command line other processes can read.
  (umask 077
   sh infra/rabbitmq/definitions.sh > "$definitions"
   printf '[default]\nhostname = 127.0.0.1\nport = %s\nusername = %s\npassword = %s\n' \
     "${RABBIT_MGMT_PORT:-15672}" "$RABBITMQ_ADMIN_USER" "$RABBITMQ_ADMIN_PASSWORD" > "$config")
  # The management listener may answer a little after the node reports its AMQP port: a bounded wait.
  for _ in $(seq 60); do rabbitmqadmin -c "$config" -N default -q list vhosts name >/dev/null 2>&1 && break; sleep 1; done
  rabbitmqadmin -c "$config" -N default -q import "$definitions" >/dev/null
  rm -f "$config" "$definitions"
  for service in ingress orders notifications reconciliation operations; do
    upper=${service^^}
    local password_var="PAYMENTS_RABBITMQ_PASSWORD_$upper" url
    url="amqp://$service:${!password_var}@127.0.0.1:$RABBIT_PORT/"
    dev_env_set "PAYMENTS_RABBITMQ_URL_$upper" "$url"
    export "PAYMENTS_RABBITMQ_URL_$upper=$url"
  done
}

# The services' database roles (infra/postgres/apply-roles.sh), passwords per machine in .run/dev.env. A service
# database owned by another role holds demo data from before the roles (its tables belong to postgres): dropped, so
# its service migrates it afresh as the owner.
apply_database_roles() {
  local service db owner
  for service in orders notifications reconciliation operations; do
    dev_env_secret "PAYMENTS_POSTGRES_PASSWORD_${service^^}"
    db=payments_$service
    owner=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -XtAc "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$db'")
    if [ -n "$owner" ] && [ "$owner" != "$service" ]; then
      echo "PostgreSQL: $db was owned by $owner; dropped (local demo data), $service recreates it"
      psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -Xqc "DROP DATABASE $db WITH (FORCE)" >/dev/null
    fi
  done
  PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres infra/postgres/apply-roles.sh
}
