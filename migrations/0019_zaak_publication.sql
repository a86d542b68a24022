-- 0019: every case as a zaak in the region's Zaken API, through the outbox (kind 'case').
-- zaak_dirty: cases whose zaak may differ from what the region holds; kept by triggers on every
-- write that can change the zaak (case, casusregie, decision, agenda, afspraken, a delivered
-- notulen), so no service can forget it. The outbox drain turns each into a queued 'case' item.
-- Inserts use NOT EXISTS (not INSERT OR IGNORE: an outer upsert would override that policy).
-- zaak_parts: what the region confirmed it holds (the zaak, each status, the resultaat, the rol,
-- each notulen link, the last fields sent), so a retry looks up only what is not confirmed.
CREATE TABLE zaak_dirty (
    case_id TEXT PRIMARY KEY
);
CREATE TABLE zaak_parts (
    case_id TEXT NOT NULL,
    part    TEXT NOT NULL,
    url     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, part)
);
INSERT INTO zaak_dirty SELECT id FROM cases;

CREATE TRIGGER zaak_dirty_case_insert AFTER INSERT ON cases BEGIN
    INSERT INTO zaak_dirty SELECT NEW.id
        WHERE NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = NEW.id);
END;
CREATE TRIGGER zaak_dirty_case_update AFTER UPDATE ON cases BEGIN
    INSERT INTO zaak_dirty SELECT NEW.id
        WHERE NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = NEW.id);
END;
CREATE TRIGGER zaak_dirty_lead_insert AFTER INSERT ON case_leads BEGIN
    INSERT INTO zaak_dirty SELECT NEW.case_id
        WHERE NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = NEW.case_id);
END;
CREATE TRIGGER zaak_dirty_lead_update AFTER UPDATE ON case_leads BEGIN
    INSERT INTO zaak_dirty SELECT NEW.case_id
        WHERE NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = NEW.case_id);
END;
CREATE TRIGGER zaak_dirty_deadline_update AFTER UPDATE ON deadlines BEGIN
    INSERT INTO zaak_dirty SELECT NEW.case_id
        WHERE NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = NEW.case_id);
END;
CREATE TRIGGER zaak_dirty_deadline_insert AFTER INSERT ON deadlines BEGIN
    INSERT INTO zaak_dirty SELECT NEW.case_id
        WHERE NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = NEW.case_id);
END;
CREATE TRIGGER zaak_dirty_item_insert AFTER INSERT ON agenda_items BEGIN
    INSERT INTO zaak_dirty SELECT NEW.case_id
        WHERE NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = NEW.case_id);
END;
CREATE TRIGGER zaak_dirty_item_delete AFTER DELETE ON agenda_items BEGIN
    INSERT INTO zaak_dirty SELECT OLD.case_id
        WHERE NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = OLD.case_id);
END;
CREATE TRIGGER zaak_dirty_decision_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO zaak_dirty SELECT a.case_id FROM agenda_items a WHERE a.id = NEW.agenda_item_id
        AND NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = a.case_id);
END;
CREATE TRIGGER zaak_dirty_agreement_insert AFTER INSERT ON agreements BEGIN
    INSERT INTO zaak_dirty SELECT a.case_id FROM agenda_items a WHERE a.id = NEW.agenda_item_id
        AND NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = a.case_id);
END;
CREATE TRIGGER zaak_dirty_agreement_update AFTER UPDATE ON agreements BEGIN
    INSERT INTO zaak_dirty SELECT a.case_id FROM agenda_items a WHERE a.id = NEW.agenda_item_id
        AND NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = a.case_id);
END;
CREATE TRIGGER zaak_dirty_followup_insert AFTER INSERT ON agreement_followups BEGIN
    INSERT INTO zaak_dirty SELECT NEW.case_id
        WHERE NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = NEW.case_id);
END;
-- a notulen reaches the region: its zaak gets the link (zaakinformatieobject)
CREATE TRIGGER zaak_dirty_minutes_delivered AFTER UPDATE OF state ON outbox
WHEN NEW.kind = 'minutes' AND NEW.state = 'delivered' AND OLD.state <> 'delivered' BEGIN
    INSERT INTO zaak_dirty SELECT m.case_id FROM minutes m WHERE m.id = NEW.ref_id
        AND NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = m.case_id);
END;
CREATE TRIGGER zaak_dirty_meeting_update AFTER UPDATE ON meetings BEGIN
    INSERT INTO zaak_dirty SELECT DISTINCT a.case_id FROM agenda_items a
        WHERE a.meeting_id = NEW.id
        AND NOT EXISTS (SELECT 1 FROM zaak_dirty WHERE case_id = a.case_id);
END;
