-- 0022: inzageverzoeken (AVG art. 15): who asked to see what is held about them and when, each
-- hand-over (when, by whom, the SHA-256 of the PDF and the JSON), and the rectificaties made at
-- their request. Append-only: a request is what was asked, an export what was handed over.
CREATE TABLE inzage_requests (
    id            TEXT PRIMARY KEY,
    person_key    TEXT NOT NULL,
    person_name   TEXT NOT NULL,
    received_on   TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
);
CREATE INDEX inzage_requests_person ON inzage_requests(person_key);

CREATE TABLE inzage_exports (
    id           INTEGER PRIMARY KEY,
    request_id   TEXT NOT NULL REFERENCES inzage_requests(id),
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    pdf_sha256   TEXT NOT NULL,
    json_sha256  TEXT NOT NULL
);
CREATE INDEX inzage_exports_request ON inzage_exports(request_id);

CREATE TABLE inzage_rectifications (
    rectification_id TEXT PRIMARY KEY REFERENCES minutes(id),
    request_id       TEXT NOT NULL REFERENCES inzage_requests(id),
    original_id      TEXT NOT NULL REFERENCES minutes(id),
    created_at       TEXT NOT NULL
);
CREATE INDEX inzage_rectifications_request ON inzage_rectifications(request_id);

CREATE TRIGGER inzage_requests_no_update BEFORE UPDATE ON inzage_requests
BEGIN
    SELECT RAISE(ABORT, 'inzage_requests is append-only');
END;
CREATE TRIGGER inzage_exports_no_update BEFORE UPDATE ON inzage_exports
BEGIN
    SELECT RAISE(ABORT, 'inzage_exports is append-only');
END;
