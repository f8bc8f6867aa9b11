-- The test host's own script: the migration tests see a service's scripts applied with the library's. Idempotent, as
-- every script is.
CREATE SCHEMA IF NOT EXISTS probe;

CREATE TABLE IF NOT EXISTS probe.probes (
    id uuid PRIMARY KEY,
    number integer NOT NULL
);
