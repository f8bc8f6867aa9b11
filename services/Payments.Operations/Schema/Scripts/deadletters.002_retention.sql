-- Every row holds a whole message (the customer's address included) and is deleted past its state's retention
-- (DeadLetterCleanup): replayed and discarded rows Operations:DeadLetters:Retention after the action, dead ones
-- Operations:DeadLetters:DeadRetention after they were read. One partial index per state, on the time that state's
-- retention counts from: the cleanup reads only the expired entries, and a row's entry exists only while it is in that
-- state. Dead letters are rare, so the three small indexes cost nothing that matters on insert and state change.
CREATE INDEX IF NOT EXISTS messages_replayed_at ON deadletters.messages (replayed_at) WHERE state = 'replayed';
CREATE INDEX IF NOT EXISTS messages_discarded_at ON deadletters.messages (discarded_at) WHERE state = 'discarded';
CREATE INDEX IF NOT EXISTS messages_dead_received ON deadletters.messages (received_at) WHERE state = 'dead';
