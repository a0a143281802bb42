-- Portable across SQLite and PostgreSQL: TEXT, INTEGER, BIGINT only; no vendor types.
-- Timestamps are fixed-width ISO-8601 UTC text with nanoseconds (2025-01-02T03:04:05.123456789Z): exact
-- round trip of java.time.Instant, human readable, and they sort as text.
-- spec, assets, error and warning are JSON documents (see JobJson).
CREATE TABLE jobs (
    id              TEXT    NOT NULL PRIMARY KEY,
    kind            TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    spec            TEXT    NOT NULL,
    provider        TEXT    NOT NULL,
    provider_ref    TEXT,
    state           TEXT    NOT NULL,
    raw_status      TEXT,
    attempts        INTEGER NOT NULL,
    retries         INTEGER NOT NULL,
    polls           INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    next_run_at     TEXT,
    deadline        TEXT,
    error           TEXT,
    warning         TEXT,
    assets          TEXT    NOT NULL,
    batch_id        TEXT,
    parent_id       TEXT,
    version         BIGINT  NOT NULL,
    CONSTRAINT jobs_idempotency_key_uq UNIQUE (idempotency_key)
);

-- Listings are newest first by id (ULIDs sort by creation time), so every filter index ends in id.
CREATE INDEX jobs_state_id_idx ON jobs (state, id);
CREATE INDEX jobs_kind_id_idx ON jobs (kind, id);
CREATE INDEX jobs_batch_id_idx ON jobs (batch_id, id);
CREATE INDEX jobs_parent_id_idx ON jobs (parent_id, id);
-- The concurrency gate counts jobs of one provider in one state.
CREATE INDEX jobs_provider_state_idx ON jobs (provider, state);

-- Webhook event ids seen, so a redelivered event is acted on once across processes.
CREATE TABLE webhook_events (
    event_id TEXT NOT NULL PRIMARY KEY,
    seen_at  TEXT NOT NULL
);
