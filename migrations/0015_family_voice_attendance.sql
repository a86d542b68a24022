-- 0015: the family's own voice and professional dissent per agenda item (JSON lists), attendance
-- as it happens (vanaf / tot per participant), how an absent person's score was given, and the
-- moment of the decision.
ALTER TABLE agenda_items ADD COLUMN family_voices TEXT NOT NULL DEFAULT '[]';
ALTER TABLE agenda_items ADD COLUMN dissents TEXT NOT NULL DEFAULT '[]';
ALTER TABLE participants ADD COLUMN arrived TEXT;
ALTER TABLE participants ADD COLUMN left_at TEXT;
ALTER TABLE scaling_answers ADD COLUMN given TEXT;
ALTER TABLE decisions ADD COLUMN decided_at TEXT;
