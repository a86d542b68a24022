-- 0021: bewaartermijn op de laptop (local retention). A closed case whose documents the region
-- confirmed keeps its personal data here only for the region's local term; then it is removed
-- and a tombstone (case_removals) keeps the case number, the dates, where each document is held
-- at the region and its hashes. A legal hold (retention_holds, "bewaren tot …") keeps a case; a
-- clean-up can be postponed once per case (retention_postponements: the primary key says once).
CREATE TABLE case_removals (
    case_id      TEXT PRIMARY KEY REFERENCES cases(id),
    case_number  TEXT NOT NULL,
    opened_on    TEXT NOT NULL,
    closed_on    TEXT NOT NULL,
    confirmed_on TEXT NOT NULL,
    removed_at   TEXT NOT NULL,
    removed_by   TEXT NOT NULL,
    term_days    INTEGER NOT NULL,
    documents    TEXT NOT NULL
);
CREATE TABLE retention_holds (
    case_id TEXT PRIMARY KEY REFERENCES cases(id),
    until   TEXT NOT NULL,
    reason  TEXT NOT NULL,
    set_by  TEXT NOT NULL,
    set_at  TEXT NOT NULL
);
CREATE TABLE retention_postponements (
    case_id TEXT PRIMARY KEY REFERENCES cases(id),
    until   TEXT NOT NULL,
    reason  TEXT NOT NULL,
    set_by  TEXT NOT NULL,
    set_at  TEXT NOT NULL
);
CREATE TRIGGER case_removals_no_update BEFORE UPDATE ON case_removals BEGIN
    SELECT RAISE(ABORT, 'case_removals is append-only');
END;
CREATE TRIGGER case_removals_no_delete BEFORE DELETE ON case_removals BEGIN
    SELECT RAISE(ABORT, 'case_removals is append-only');
END;

-- Final notulen stay immutable, with two exceptions checked here (0020's and this one's):
-- the archive upgrade of 0020 (only the archive columns, or a longer document of which the
-- signed bytes are a prefix, with its new hash), and, once a case's tombstone is written, the
-- removal of its notulen's text and PDF, nothing else about them changing (number, status,
-- signatures, hashes, dates).
DROP TRIGGER minutes_final_is_immutable;
CREATE TRIGGER minutes_final_is_immutable BEFORE UPDATE ON minutes
WHEN OLD.status = 'FINAL' AND NOT (
    NEW.id IS OLD.id AND NEW.agenda_item_id IS OLD.agenda_item_id
    AND NEW.meeting_id IS OLD.meeting_id AND NEW.case_id IS OLD.case_id
    AND NEW.kind IS OLD.kind AND NEW.rectifies IS OLD.rectifies AND NEW.number IS OLD.number
    AND NEW.status IS OLD.status AND NEW.signing_order IS OLD.signing_order
    AND NEW.signatures IS OLD.signatures AND NEW.record_sha256 IS OLD.record_sha256
    AND NEW.created_at IS OLD.created_at AND NEW.finalised_at IS OLD.finalised_at
    AND (
        (NEW.text IS OLD.text AND (
            (NEW.document IS OLD.document AND NEW.document_sha256 IS OLD.document_sha256)
            OR (OLD.document IS NOT NULL AND NEW.document IS NOT NULL
                AND length(NEW.document) > length(OLD.document)
                AND substr(NEW.document, 1, length(OLD.document)) = OLD.document
                AND NEW.document_sha256 IS NOT NULL
                AND NEW.document_sha256 IS NOT OLD.document_sha256)))
        OR (EXISTS (SELECT 1 FROM case_removals r WHERE r.case_id = OLD.case_id)
            AND NEW.document IS NULL
            AND coalesce(json_extract(NEW.text, '$.introduction'), '') = ''
            AND coalesce(json_extract(NEW.text, '$.discussion'), '') = ''
            AND coalesce(json_extract(NEW.text, '$.closing_remarks'), '') = ''
            AND coalesce(json_extract(NEW.text, '$.correction'), '') = ''
            AND NEW.document_sha256 IS OLD.document_sha256)))
BEGIN
    SELECT RAISE(ABORT, 'final minutes are immutable');
END;

-- Follow-ups stay append-only, except that a removed case's follow-ups lose who said it and
-- the note (the status and the dates stay for the figures).
DROP TRIGGER agreement_followups_no_update;
CREATE TRIGGER agreement_followups_no_update BEFORE UPDATE ON agreement_followups
WHEN NOT (
    EXISTS (SELECT 1 FROM case_removals r WHERE r.case_id = OLD.case_id)
    AND NEW.said_by = '' AND NEW.note = ''
    AND NEW.id IS OLD.id AND NEW.agreement_id IS OLD.agreement_id
    AND NEW.case_id IS OLD.case_id AND NEW.status IS OLD.status AND NEW.on_date IS OLD.on_date
    AND NEW.agenda_item_id IS OLD.agenda_item_id AND NEW.recorded_at IS OLD.recorded_at)
BEGIN
    SELECT RAISE(ABORT, 'agreement_followups is append-only');
END;

-- a case's notulen are looked up by case (the clean-up, the tombstone, the case export)
CREATE INDEX minutes_case ON minutes(case_id);
