-- Each job's steps for the dashboard's timeline (JobStore.history): written in the same transaction as the jobs
-- row, one per insert and one per update that changed state, raw_status or error (polls that change nothing add
-- nothing). seq counts up per job from 1; at most 200 rows per job (JdbcJobStore drops the oldest after seq 1).
-- Portable as V1: TEXT and INTEGER only, timestamps as fixed-width UTC text.
CREATE TABLE job_transitions (
    job_id        TEXT    NOT NULL,
    seq           INTEGER NOT NULL,
    at            TEXT    NOT NULL,
    state         TEXT    NOT NULL,
    raw_status    TEXT,
    error_code    TEXT,
    error_message TEXT,
    CONSTRAINT job_transitions_pk PRIMARY KEY (job_id, seq)
);

-- Every read and write looks up one job's rows; the primary key's (job_id, seq) index also serves this, but the
-- index is named here so the intent survives a change to the key.
CREATE INDEX job_transitions_job_id_idx ON job_transitions (job_id);
