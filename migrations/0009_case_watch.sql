-- 0009: one narrow row per case with what the werklijst reads of it (status, last progress,
-- casusregie, municipality's disagreement), kept current by triggers on every write, so the
-- work list over 50,000 cases reads one small table instead of the wide encrypted case pages.
-- The view is the single definition: triggers, this backfill and `tafelapp check` all use it.
-- Triggers delete and insert (not INSERT OR REPLACE: an outer upsert overrides that policy).
CREATE VIEW case_watch_source AS
SELECT c.id AS case_id, c.table_id, c.case_number, c.status,
       coalesce(c.last_progress, c.opened_on) AS progress_on,
       coalesce((SELECT CASE l.accepted WHEN 0 THEN 'PENDING' ELSE 'ACCEPTED' END
                 FROM case_leads l WHERE l.case_id = c.id AND l.ended_on IS NULL
                 ORDER BY l.accepted, l.since LIMIT 1), 'NONE') AS lead,
       (SELECT l.since FROM case_leads l WHERE l.case_id = c.id AND l.ended_on IS NULL
        ORDER BY l.accepted, l.since LIMIT 1) AS lead_since,
       (SELECT max(x.decided_on) FROM decisions x JOIN agenda_items a ON a.id = x.agenda_item_id
        WHERE a.case_id = c.id AND x.chair_disagrees = 1) AS disagreed_on
FROM cases c;

CREATE TABLE case_watch (
    case_id      TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    table_id     TEXT NOT NULL,
    case_number  TEXT NOT NULL,
    status       TEXT NOT NULL,
    progress_on  TEXT NOT NULL,
    lead         TEXT NOT NULL CHECK (lead IN ('NONE', 'PENDING', 'ACCEPTED')),
    lead_since   TEXT,
    disagreed_on TEXT
);
INSERT INTO case_watch SELECT * FROM case_watch_source;

CREATE TRIGGER case_watch_case_insert AFTER INSERT ON cases BEGIN
    DELETE FROM case_watch WHERE case_id = NEW.id;
    INSERT INTO case_watch SELECT * FROM case_watch_source
        WHERE case_id = NEW.id;
END;
CREATE TRIGGER case_watch_case_update AFTER UPDATE ON cases BEGIN
    DELETE FROM case_watch WHERE case_id = NEW.id;
    INSERT INTO case_watch SELECT * FROM case_watch_source
        WHERE case_id = NEW.id;
END;
CREATE TRIGGER case_watch_lead_insert AFTER INSERT ON case_leads BEGIN
    DELETE FROM case_watch WHERE case_id = NEW.case_id;
    INSERT INTO case_watch SELECT * FROM case_watch_source
        WHERE case_id = NEW.case_id;
END;
CREATE TRIGGER case_watch_lead_update AFTER UPDATE ON case_leads BEGIN
    DELETE FROM case_watch WHERE case_id IN (OLD.case_id, NEW.case_id);
    INSERT INTO case_watch SELECT * FROM case_watch_source
        WHERE case_id IN (OLD.case_id, NEW.case_id);
END;
CREATE TRIGGER case_watch_lead_delete AFTER DELETE ON case_leads BEGIN
    DELETE FROM case_watch WHERE case_id = OLD.case_id;
    INSERT INTO case_watch SELECT * FROM case_watch_source
        WHERE case_id = OLD.case_id;
END;
-- Decisions are rewritten on every save of an agenda item; only a disagreement counts.
CREATE TRIGGER case_watch_decision_insert AFTER INSERT ON decisions
WHEN NEW.chair_disagrees = 1 BEGIN
    DELETE FROM case_watch
        WHERE case_id = (SELECT case_id FROM agenda_items WHERE id = NEW.agenda_item_id);
    INSERT INTO case_watch SELECT * FROM case_watch_source
        WHERE case_id = (SELECT case_id FROM agenda_items WHERE id = NEW.agenda_item_id);
END;
CREATE TRIGGER case_watch_decision_update AFTER UPDATE ON decisions
WHEN OLD.chair_disagrees = 1 OR NEW.chair_disagrees = 1 BEGIN
    DELETE FROM case_watch WHERE case_id IN (SELECT case_id FROM agenda_items
                          WHERE id IN (OLD.agenda_item_id, NEW.agenda_item_id));
    INSERT INTO case_watch SELECT * FROM case_watch_source
        WHERE case_id IN (SELECT case_id FROM agenda_items
                          WHERE id IN (OLD.agenda_item_id, NEW.agenda_item_id));
END;
CREATE TRIGGER case_watch_decision_delete AFTER DELETE ON decisions
WHEN OLD.chair_disagrees = 1 BEGIN
    DELETE FROM case_watch
        WHERE case_id = (SELECT case_id FROM agenda_items WHERE id = OLD.agenda_item_id);
    INSERT INTO case_watch SELECT * FROM case_watch_source
        WHERE case_id = (SELECT case_id FROM agenda_items WHERE id = OLD.agenda_item_id);
END;
-- An agenda item removed with its decision (its row is gone, so the lookup above finds nothing).
CREATE TRIGGER case_watch_item_delete AFTER DELETE ON agenda_items BEGIN
    DELETE FROM case_watch WHERE case_id = OLD.case_id;
    INSERT INTO case_watch SELECT * FROM case_watch_source
        WHERE case_id = OLD.case_id;
END;
