-- Runners share a database (two terminals, `parley serve` and the CLI): a runner claims a game
-- with a lease and renews it while it plays; another runner takes a game only when it is queued
-- or paused or its lease ran out (the runner holding it stopped).
--   lease_owner  id of the runner playing the game (NULL when no runner holds it)
--   lease_until  when the lease runs out, in milliseconds since 1970 (UTC)
ALTER TABLE games ADD COLUMN lease_owner TEXT;
ALTER TABLE games ADD COLUMN lease_until INTEGER;

-- A call sent without a recorded answer (its runner stopped mid-call) is counted at this
-- estimate in the ledger and against the budget: input measured from the request, output at
-- the call's limit. Rows from before this migration have none (0).
ALTER TABLE calls ADD COLUMN estimated_cost_usd REAL NOT NULL DEFAULT 0;
