-- 0016: a discussion that was geschorst and voortgezet on another day keeps its continuations
-- (date, start, reason); the decision and the terms it starts count from the day it was taken.
ALTER TABLE agenda_items ADD COLUMN continuations TEXT NOT NULL DEFAULT '[]';
