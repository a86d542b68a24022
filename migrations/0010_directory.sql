-- 0010: the region's address book (organisations, people), the set-up of each table, and links
-- from meetings, participants and signing identities to people of the address book.
CREATE TABLE organisations (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    data      TEXT NOT NULL
);
CREATE TABLE people (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations(id),
    data            TEXT NOT NULL
);
CREATE INDEX people_name ON people(name);
ALTER TABLE tables ADD COLUMN place TEXT;
ALTER TABLE tables ADD COLUMN weekday INTEGER;
ALTER TABLE tables ADD COLUMN usual_start TEXT;
ALTER TABLE tables ADD COLUMN default_chair_id TEXT;
ALTER TABLE tables ADD COLUMN default_secretary_id TEXT;
ALTER TABLE meetings ADD COLUMN chair_id TEXT;
ALTER TABLE meetings ADD COLUMN secretary_id TEXT;
ALTER TABLE participants ADD COLUMN person_id TEXT;
ALTER TABLE participants ADD COLUMN guardian_id TEXT;
ALTER TABLE participants ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1;
ALTER TABLE signing_identities ADD COLUMN person_id TEXT;
ALTER TABLE signing_identities ADD COLUMN link_confirmed_by TEXT;
