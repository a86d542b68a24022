-- 0001: tables, cases with their children, referrals and case leads, meetings with agenda items.
CREATE TABLE tables (
    id            TEXT PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('JBT', 'ZVT')),
    name          TEXT NOT NULL,
    region        TEXT NOT NULL,
    municipality  TEXT NOT NULL,
    institutions  TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE cases (
    id            TEXT PRIMARY KEY,
    table_id      TEXT NOT NULL REFERENCES tables(id),
    case_number   TEXT NOT NULL UNIQUE,
    status        TEXT NOT NULL,
    opened_on     TEXT NOT NULL,
    family_name   TEXT NOT NULL,
    family        TEXT NOT NULL
);
CREATE INDEX cases_table ON cases(table_id);

CREATE TABLE children (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    first_name     TEXT NOT NULL,
    last_name      TEXT NOT NULL,
    birth_date     TEXT,
    unborn         INTEGER NOT NULL,
    unborn_details TEXT
);
CREATE INDEX children_case ON children(case_id);

CREATE TABLE referrals (
    case_id               TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    route                 TEXT NOT NULL,
    date                  TEXT NOT NULL,
    referrer_kind         TEXT NOT NULL,
    referrer_organisation TEXT NOT NULL,
    referrer_person       TEXT NOT NULL,
    criteria              TEXT NOT NULL,
    preconditions         TEXT NOT NULL,
    summary               TEXT
);

CREATE TABLE case_leads (
    id                TEXT PRIMARY KEY,
    case_id           TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    organisation      TEXT NOT NULL,
    organisation_kind TEXT NOT NULL,
    person            TEXT NOT NULL,
    contact           TEXT,
    since             TEXT NOT NULL,
    accepted          INTEGER NOT NULL,
    accepted_on       TEXT,
    ended_on          TEXT
);
CREATE INDEX case_leads_case ON case_leads(case_id);

CREATE TABLE meetings (
    id            TEXT PRIMARY KEY,
    table_id      TEXT NOT NULL REFERENCES tables(id),
    date          TEXT NOT NULL,
    start         TEXT,
    "end"         TEXT,
    location_kind TEXT NOT NULL,
    location_text TEXT,
    chair         TEXT NOT NULL,
    secretary     TEXT
);
CREATE INDEX meetings_table_date ON meetings(table_id, date);

CREATE TABLE agenda_items (
    id                    TEXT PRIMARY KEY,
    meeting_id            TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    case_id               TEXT NOT NULL REFERENCES cases(id),
    position              INTEGER NOT NULL,
    planned_start         TEXT,
    purpose               TEXT NOT NULL,
    opened_by_chair       INTEGER NOT NULL,
    reported_to_secretary INTEGER NOT NULL,
    involvement           TEXT NOT NULL,
    safety_plan           TEXT NOT NULL,
    plan_of_approach      TEXT NOT NULL,
    next_moment           TEXT,
    UNIQUE (meeting_id, case_id)
);
CREATE INDEX agenda_items_case ON agenda_items(case_id);

CREATE TABLE participants (
    id             TEXT PRIMARY KEY,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    role           TEXT NOT NULL,
    organisation   TEXT,
    attendance     TEXT NOT NULL,
    child_id       TEXT,
    email          TEXT,
    phone          TEXT
);
CREATE INDEX participants_item ON participants(agenda_item_id);

CREATE TABLE scaling_answers (
    id             TEXT PRIMARY KEY,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    participant_id TEXT NOT NULL REFERENCES participants(id),
    score          INTEGER NOT NULL CHECK (typeof(score) = 'integer' AND score BETWEEN 0 AND 10),
    question       TEXT NOT NULL
);
CREATE INDEX scaling_answers_item ON scaling_answers(agenda_item_id);

CREATE TABLE decisions (
    agenda_item_id       TEXT PRIMARY KEY REFERENCES agenda_items(id) ON DELETE CASCADE,
    kind                 TEXT NOT NULL,
    motivation           TEXT NOT NULL,
    chair_disagrees      INTEGER NOT NULL,
    institution_id       TEXT,
    parents_preference   TEXT,
    evaluation_date      TEXT,
    conditions           TEXT,
    extended_to_children TEXT NOT NULL,
    decided_on           TEXT NOT NULL
);

CREATE TABLE agreements (
    id             TEXT PRIMARY KEY,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    consequence    TEXT,
    owner          TEXT NOT NULL,
    due_date       TEXT,
    status         TEXT NOT NULL,
    done_on        TEXT
);
CREATE INDEX agreements_item ON agreements(agenda_item_id);
