-- 0020: archive-grade signatures (PAdES B-LTA). Final notulen never change, with exactly one
-- exception the guard below checks itself: the archive upgrade, an incremental update that adds
-- validation data and a document timestamp after the signatures. The stored signed document must
-- stay a byte prefix of the new one, the new one is longer, and nothing else of the record may
-- change except its document hash and the archive columns. The archive columns:
-- archive_level: the PAdES level of the stored document (B-B, B-T, B-LTA); archive_at: when the
-- newest archive timestamp was added; archive_note: in Dutch, why the document keeps a lower
-- level (a local identity has no revocation data, no timestamp authority set).
ALTER TABLE minutes ADD COLUMN archive_level TEXT;
ALTER TABLE minutes ADD COLUMN archive_at TEXT;
ALTER TABLE minutes ADD COLUMN archive_note TEXT;

DROP TRIGGER minutes_final_is_immutable;
CREATE TRIGGER minutes_final_is_immutable BEFORE UPDATE ON minutes
WHEN OLD.status = 'FINAL' AND NOT (
    NEW.id IS OLD.id AND NEW.agenda_item_id IS OLD.agenda_item_id
    AND NEW.meeting_id IS OLD.meeting_id AND NEW.case_id IS OLD.case_id
    AND NEW.kind IS OLD.kind AND NEW.rectifies IS OLD.rectifies AND NEW.number IS OLD.number
    AND NEW.text IS OLD.text AND NEW.status IS OLD.status
    AND NEW.signing_order IS OLD.signing_order AND NEW.signatures IS OLD.signatures
    AND NEW.created_at IS OLD.created_at AND NEW.finalised_at IS OLD.finalised_at
    AND NEW.record_sha256 IS OLD.record_sha256
    AND (
        -- only the archive columns change, the document stays as it is
        (NEW.document IS OLD.document AND NEW.document_sha256 IS OLD.document_sha256)
        -- or the archive upgrade: the signed bytes are a prefix of the longer new document
        OR (OLD.document IS NOT NULL AND NEW.document IS NOT NULL
            AND length(NEW.document) > length(OLD.document)
            AND substr(NEW.document, 1, length(OLD.document)) = OLD.document
            AND NEW.document_sha256 IS NOT NULL
            AND NEW.document_sha256 IS NOT OLD.document_sha256)
    )
)
BEGIN
    SELECT RAISE(ABORT, 'final minutes are immutable');
END;
