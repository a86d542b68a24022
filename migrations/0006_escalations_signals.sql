-- 0006: escalations to the stuurgroep (with their signed dossier) and ZVT signals.
CREATE TABLE escalations (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id),
    status      TEXT NOT NULL,
    record      TEXT NOT NULL,
    dossier     BLOB,
    created_on  TEXT NOT NULL
);
CREATE INDEX escalations_case ON escalations(case_id);
CREATE INDEX escalations_status ON escalations(status);

CREATE TABLE signals (
    id          TEXT PRIMARY KEY,
    table_id    TEXT NOT NULL REFERENCES tables(id),
    record      TEXT NOT NULL,
    recorded_on TEXT NOT NULL
);
