-- 0020: PLACEHOLDER on branch h-retention only, so migrations stay numbered without gaps while
-- 0020 is another helper's. Drop this file when merging (the real 0020 takes its place).
SELECT 1;
