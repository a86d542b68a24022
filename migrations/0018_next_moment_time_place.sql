-- 0018: the next moment of a discussion is planned with its time and place as well as its day
-- (asked in the Afsluiting step), so the calendar invitation and the Gezinsoverzicht say the same.
ALTER TABLE agenda_items ADD COLUMN next_moment_start TEXT;
ALTER TABLE agenda_items ADD COLUMN next_moment_place TEXT;
