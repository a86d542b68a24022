-- 0005: the history of every delivery attempt (no personal data: ids, status codes, messages).
CREATE TABLE outbox_attempts (
    id          INTEGER PRIMARY KEY,
    outbox_id   TEXT NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    http_status INTEGER,
    message     TEXT
);
CREATE INDEX outbox_attempts_item ON outbox_attempts(outbox_id, id);
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
