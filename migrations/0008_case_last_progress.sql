-- 0008: the date of the last progress per case (meeting held, agreement done, decision taken),
-- kept up to date by the meeting repository, so the werklijst needs no scan over every meeting.
ALTER TABLE cases ADD COLUMN last_progress TEXT;
UPDATE cases SET last_progress = (
    SELECT max(d) FROM (
        SELECT m.date AS d FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
            WHERE a.case_id = cases.id AND m.date <= date('now')
        UNION ALL SELECT g.done_on FROM agreements g JOIN agenda_items a ON a.id = g.agenda_item_id
            WHERE a.case_id = cases.id AND g.done_on IS NOT NULL
        UNION ALL SELECT x.decided_on FROM decisions x JOIN agenda_items a ON a.id = x.agenda_item_id
            WHERE a.case_id = cases.id));
CREATE INDEX deadlines_open_due ON deadlines(due_on, case_id) WHERE done_on IS NULL;
