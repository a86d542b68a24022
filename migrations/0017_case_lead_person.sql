-- 0017: the casusregisseur as fields (the address book's person, phone, e-mail) instead of the
-- picker's display text and one contact line. Older rows: the name is what came before " — ";
-- a contact that is an e-mail address becomes the e-mail, a phone number the phone; anything
-- else stays as contact_note. A name that is exactly one person of the address book is linked,
-- and that person's phone and e-mail fill what the row lacks.
ALTER TABLE case_leads RENAME COLUMN contact TO contact_note;
ALTER TABLE case_leads ADD COLUMN person_id TEXT;
ALTER TABLE case_leads ADD COLUMN phone TEXT;
ALTER TABLE case_leads ADD COLUMN email TEXT;
UPDATE case_leads SET person = trim(substr(person, 1, instr(person, ' — ') - 1))
    WHERE instr(person, ' — ') > 1;
UPDATE case_leads SET contact_note = trim(contact_note) WHERE contact_note IS NOT NULL;
UPDATE case_leads SET contact_note = NULL WHERE contact_note = '';
UPDATE case_leads SET email = contact_note, contact_note = NULL
    WHERE contact_note LIKE '%_@_%._%' AND contact_note NOT LIKE '% %';
UPDATE case_leads SET phone = contact_note, contact_note = NULL
    WHERE contact_note NOT GLOB '*[^0-9 ()./+-]*' AND contact_note GLOB '[0-9+]*'
      AND length(replace(replace(replace(replace(replace(replace(replace(contact_note,
          ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''), '+', '')) BETWEEN 8 AND 15;
UPDATE case_leads SET person_id = (SELECT p.id FROM people p WHERE p.name = case_leads.person)
    WHERE (SELECT count(*) FROM people p WHERE p.name = case_leads.person) = 1;
UPDATE case_leads SET phone = (SELECT json_extract(p.data, '$.phone') FROM people p
                               WHERE p.id = case_leads.person_id)
    WHERE phone IS NULL AND person_id IS NOT NULL
      AND coalesce((SELECT json_extract(p.data, '$.phone') FROM people p
                    WHERE p.id = case_leads.person_id), '') <> '';
UPDATE case_leads SET email = (SELECT json_extract(p.data, '$.email') FROM people p
                               WHERE p.id = case_leads.person_id)
    WHERE email IS NULL AND person_id IS NOT NULL
      AND coalesce((SELECT json_extract(p.data, '$.email') FROM people p
                    WHERE p.id = case_leads.person_id), '') <> '';
