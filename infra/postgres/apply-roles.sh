#!/usr/bin/env bash
# The services' PostgreSQL roles: each logs in, owns its one database and nothing else (no superuser, CREATEDB,
# CREATEROLE, replication or RLS bypass), and only it may connect there: CONNECT is revoked from PUBLIC on every
# service database and on the maintenance databases. Migrations run under the owning role (they create only schemas
# and tables in its own database; no extension needs a superuser). Idempotent: creates or updates roles, passwords,
# databases and grants.
# Run by docker-compose.yml (the postgres-roles one-shot container), by scripts/run.sh after its server starts, and by
# the privilege tests on their own servers.
#
# Environment:
#   PGHOST, PGPORT, PGUSER, PGPASSWORD          a superuser connection (libpq's variables)
#   PAYMENTS_POSTGRES_PASSWORD_ORDERS, _NOTIFICATIONS, _RECONCILIATION, _OPERATIONS   the services' passwords
set -euo pipefail

psql=(psql -v ON_ERROR_STOP=1 -X -q --no-password)

# The maintenance databases are the superuser's alone.
"${psql[@]}" --dbname postgres -c 'REVOKE CONNECT ON DATABASE postgres, template1 FROM PUBLIC'

# role NAME DATABASE PASSWORD_VARIABLE
role() {
  local name=$1 database=$2 variable=$3
  [ -n "${!variable:-}" ] || { echo "apply-roles.sh: no password for the $name role ($variable)" >&2; exit 1; }
  # The password is read from the environment by psql itself (\getenv): never on a command line.
  "${psql[@]}" --dbname postgres -v role="$name" -v database="$database" <<SQL
\getenv password $variable
SELECT format('CREATE ROLE %I', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
ALTER DATABASE :"database" OWNER TO :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"role";
SQL
  # PostgreSQL 15 already keeps CREATE on public from PUBLIC; said here so an upgraded or older cluster matches.
  "${psql[@]}" --dbname "$database" -c 'REVOKE CREATE ON SCHEMA public FROM PUBLIC'
  echo "PostgreSQL role $name: owns $database"
}

role orders payments_orders PAYMENTS_POSTGRES_PASSWORD_ORDERS
role notifications payments_notifications PAYMENTS_POSTGRES_PASSWORD_NOTIFICATIONS
role reconciliation payments_reconciliation PAYMENTS_POSTGRES_PASSWORD_RECONCILIATION
role operations payments_operations PAYMENTS_POSTGRES_PASSWORD_OPERATIONS
