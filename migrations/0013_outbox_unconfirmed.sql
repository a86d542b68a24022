-- 0013: a fifth outbox state, 'unconfirmed' (afgeleverd, niet bevestigd): the server holds a
-- document with this identificatie but this client may not read it back. SQLite cannot change a
-- CHECK constraint, so both outbox tables are rebuilt (attempts first, so nothing cascades).
CREATE TEMP TABLE outbox_copy AS SELECT * FROM outbox;
CREATE TEMP TABLE outbox_attempts_copy AS SELECT * FROM outbox_attempts;
DROP TABLE outbox_attempts;
DROP TABLE outbox;

CREATE TABLE outbox (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    ref_id           TEXT NOT NULL,
    identificatie    TEXT NOT NULL UNIQUE,
    state            TEXT NOT NULL
                     CHECK (state IN ('queued', 'sending', 'delivered', 'unconfirmed', 'rejected')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    last_error       TEXT,
    server_url       TEXT,
    created_at       TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);
CREATE TABLE outbox_attempts (
    id          INTEGER PRIMARY KEY,
    outbox_id   TEXT NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    http_status INTEGER,
    message     TEXT
);
INSERT INTO outbox SELECT * FROM temp.outbox_copy;
INSERT INTO outbox_attempts SELECT * FROM temp.outbox_attempts_copy;
DROP TABLE temp.outbox_copy;
DROP TABLE temp.outbox_attempts_copy;
CREATE INDEX outbox_attempts_item ON outbox_attempts(outbox_id, id);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
