-- The list is ordered failed_at DESC NULLS LAST, id DESC. The indexes of 001 are DESC (nulls first), an order the
-- planner cannot use for it, so every page sorted every matching row; these match it exactly, so a page reads only its
-- rows from the index. Reason text (ILIKE '%...%' over reason, fault message and exception type) goes through trigram
-- indexes instead of testing every row. pg_trgm is a trusted extension: the database's owner (the service's role) may
-- create it, here in the service's own schema. Measured in bench/operations/results.md.
CREATE INDEX IF NOT EXISTS messages_failed_newest ON deadletters.messages (failed_at DESC NULLS LAST, id DESC);
CREATE INDEX IF NOT EXISTS messages_queue_newest ON deadletters.messages (queue, failed_at DESC NULLS LAST, id DESC);
CREATE INDEX IF NOT EXISTS messages_type_newest ON deadletters.messages (message_type, failed_at DESC NULLS LAST, id DESC);
DROP INDEX IF EXISTS deadletters.messages_state_failed;
DROP INDEX IF EXISTS deadletters.messages_queue_failed;
DROP INDEX IF EXISTS deadletters.messages_type_failed;

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA deadletters;
CREATE INDEX IF NOT EXISTS messages_reason_trgm ON deadletters.messages USING gin (reason deadletters.gin_trgm_ops);
CREATE INDEX IF NOT EXISTS messages_fault_message_trgm ON deadletters.messages USING gin (fault_message deadletters.gin_trgm_ops);
CREATE INDEX IF NOT EXISTS messages_exception_type_trgm ON deadletters.messages USING gin (exception_type deadletters.gin_trgm_ops);
