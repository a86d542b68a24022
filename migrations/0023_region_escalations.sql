-- 0023: an escalation may start from a region werklijst line: a case this vault does not hold
-- (a ketenregisseur without a table of her own). Such an escalation names the region's zaak
-- (zaak_url) instead of a local case; exactly one of the two is set. SQLite cannot drop a
-- NOT NULL, so the table is rebuilt with every row and its indexes (nothing references it).
CREATE TABLE escalations_0023 (
    id          TEXT PRIMARY KEY,
    case_id     TEXT REFERENCES cases(id),
    zaak_url    TEXT,
    status      TEXT NOT NULL,
    record      TEXT NOT NULL,
    dossier     BLOB,
    created_on  TEXT NOT NULL,
    CHECK ((case_id IS NULL) <> (zaak_url IS NULL))
);
INSERT INTO escalations_0023 (id, case_id, zaak_url, status, record, dossier, created_on)
    SELECT id, case_id, NULL, status, record, dossier, created_on FROM escalations;
DROP TABLE escalations;
ALTER TABLE escalations_0023 RENAME TO escalations;
CREATE INDEX escalations_case ON escalations(case_id);
CREATE INDEX escalations_zaak ON escalations(zaak_url);
CREATE INDEX escalations_status ON escalations(status);
