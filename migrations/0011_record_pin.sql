-- 0011: the hash of the canonical record the signed notulen were rendered from (pinned at the
-- first signature; `tafelapp check` recomputes it for every signed item).
ALTER TABLE minutes ADD COLUMN record_sha256 TEXT;
