-- Run once by the postgres image when it initializes its data directory (docker-compose.yml mounts this folder).
-- One role and one database per service: no service can read another's tables. Passwords are development values;
-- real deployments create their own roles and pass ConnectionStrings__Postgres through the environment.
CREATE ROLE orders LOGIN PASSWORD 'orders_dev';
CREATE DATABASE payments_orders OWNER orders;

CREATE ROLE notifications LOGIN PASSWORD 'notifications_dev';
CREATE DATABASE payments_notifications OWNER notifications;

CREATE ROLE reconciliation LOGIN PASSWORD 'reconciliation_dev';
CREATE DATABASE payments_reconciliation OWNER reconciliation;

-- Nobody but the owner may connect.
REVOKE CONNECT ON DATABASE payments_orders, payments_notifications, payments_reconciliation FROM PUBLIC;
