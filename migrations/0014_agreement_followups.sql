-- 0014: opvolging (follow-up) of afspraken, outside the frozen record of the meeting that made
-- them: recorded in a later meeting (agenda_item_id) or from the werklijst between meetings
-- (agenda_item_id NULL). Append-only: a correction is a newer row; the latest counts.
CREATE TABLE agreement_followups (
    id             TEXT PRIMARY KEY,
    agreement_id   TEXT NOT NULL,
    case_id        TEXT NOT NULL REFERENCES cases(id),
    status         TEXT NOT NULL CHECK (status IN ('KEPT', 'PARTLY', 'NOT_KEPT', 'LAPSED')),
    on_date        TEXT NOT NULL,
    said_by        TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    agenda_item_id TEXT,
    recorded_at    TEXT NOT NULL
);
CREATE INDEX agreement_followups_agreement ON agreement_followups(agreement_id, recorded_at);
CREATE INDEX agreement_followups_case ON agreement_followups(case_id);
CREATE TRIGGER agreement_followups_no_update BEFORE UPDATE ON agreement_followups BEGIN
    SELECT RAISE(ABORT, 'agreement_followups is append-only');
END;
CREATE TRIGGER agreement_followups_no_delete BEFORE DELETE ON agreement_followups BEGIN
    SELECT RAISE(ABORT, 'agreement_followups is append-only');
END;
