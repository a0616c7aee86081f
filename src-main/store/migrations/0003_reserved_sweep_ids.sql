-- Placeholder for migration 0003 (sweep ids, another branch). Delete this file when that
-- branch's 0003 is merged: migrations are numbered without gaps, and 0004 follows it.
SELECT 1;
