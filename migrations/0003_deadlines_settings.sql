-- 0003: deadlines per case, app settings stored inside the vault, and the case-list search key.
CREATE TABLE deadlines (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    started_on  TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    source      TEXT NOT NULL,
    done_on     TEXT,
    note        TEXT
);
CREATE INDEX deadlines_case ON deadlines(case_id);
CREATE INDEX deadlines_due ON deadlines(due_on) WHERE done_on IS NULL;

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Lower-cased family name and child names, so the case list searches without a table scan of JSON.
ALTER TABLE cases ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE cases SET search_key = lower(case_number || ' ' || family_name || ' ' ||
    coalesce((SELECT group_concat(first_name || ' ' || last_name, ' ')
              FROM children WHERE children.case_id = cases.id), ''));
