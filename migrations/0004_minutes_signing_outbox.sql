-- 0004: notulen with their signed PDF, signing identities (key under PIN), and the outbox.
CREATE TABLE signing_identities (
    id                 TEXT PRIMARY KEY,
    owner_name         TEXT NOT NULL,
    label              TEXT NOT NULL,
    certificate        TEXT NOT NULL,
    certificate_der    BLOB NOT NULL,
    encrypted_key_der  BLOB NOT NULL,
    created_at         TEXT NOT NULL
);

CREATE TABLE minutes (
    id               TEXT PRIMARY KEY,
    agenda_item_id   TEXT NOT NULL REFERENCES agenda_items(id),
    meeting_id       TEXT NOT NULL REFERENCES meetings(id),
    case_id          TEXT NOT NULL REFERENCES cases(id),
    kind             TEXT NOT NULL,
    rectifies        TEXT REFERENCES minutes(id),
    number           TEXT NOT NULL UNIQUE,
    text             TEXT NOT NULL,
    status           TEXT NOT NULL,
    signing_order    TEXT NOT NULL,
    signatures       TEXT NOT NULL,
    document_sha256  TEXT,
    document         BLOB,
    created_at       TEXT NOT NULL,
    finalised_at     TEXT
);
CREATE INDEX minutes_item ON minutes(agenda_item_id);

-- Final notulen never change: the database itself refuses to alter a final document.
CREATE TRIGGER minutes_final_is_immutable BEFORE UPDATE ON minutes
WHEN OLD.status = 'FINAL'
BEGIN
    SELECT RAISE(ABORT, 'final minutes are immutable');
END;

CREATE TABLE outbox (
    id               TEXT PRIMARY KEY,
    kind             TEXT NOT NULL,
    ref_id           TEXT NOT NULL,
    identificatie    TEXT NOT NULL UNIQUE,
    state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'delivered', 'rejected')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    last_error       TEXT,
    server_url       TEXT,
    created_at       TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);

-- Per table: who signs the notulen, in which order.
ALTER TABLE tables ADD COLUMN signing_order TEXT NOT NULL DEFAULT '["CHAIR", "SECRETARY"]';
