-- Game and sweep ids, second formulas, and co-funding's two competition axes.
--
-- 1. alpha and sigma: the cell of a co-funding sweep over alpha x sigma (null otherwise), as rho
--    and theta are for treaty sweeps.
-- 2. Game ids are re-keyed to the second formula (src-main/sweeps/game-id.ts), which
--    - leaves out transport (a participant's baseUrl, prices and delivery options), so moving to
--      another gateway no longer plans, plays and pays every game again, and
--    - includes the focal participant, so line-ups that differ only in who is focal are two
--      games (the first formula merged them and kept one focal).
--    parley_game_id() is that formula, registered by the store before migrating
--    (src-main/store/migration-functions.ts); it reads only columns every game row has, so each
--    stored game gets exactly the id that expanding its sweep computes now, and re-running a
--    sweep replays nothing that was stored. (Games the first formula had merged away were never
--    stored; re-running their sweep plans and plays them.)
--    Rows whose new game ids coincide (the same game stored once per gateway) keep one: the copy that
--    got furthest (finished > failed > in progress > queued), then the older one. The others keep
--    their old id, transcript and calls but leave their sweeps, whose links move to the kept copy;
--    an event of kind 'migration' names each of them. Cached model answers are keyed by game id:
--    a call that was answered but whose turn was not committed is asked again once.
-- 3. Sweep ids are re-keyed likewise (parley_sweep_id): a sweep's id leaves out transport and run
--    settings (concurrency, budgetUsd, maxGames), so re-running it through another gateway or with
--    a higher budget continues the same sweep instead of adding a second one of the same name.
--    Sweeps whose new ids coincide become one: the most recently created keeps its name, document
--    and status and gets every game of the others; an event of kind 'migration' keeps each merged
--    sweep's old id, name, status and document.
ALTER TABLE games ADD COLUMN alpha REAL;
ALTER TABLE games ADD COLUMN sigma REAL;

PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE rekey AS
  SELECT id AS old_id, new_id, row_number() OVER (
      PARTITION BY new_id
      ORDER BY CASE status WHEN 'finished' THEN 4 WHEN 'failed' THEN 3 WHEN 'running' THEN 2
        WHEN 'paused' THEN 2 WHEN 'cancelled' THEN 1 ELSE 0 END DESC, rowid
    ) AS copy
  FROM (SELECT rowid, id, status, parley_game_id(kind, params_json, protocol_json,
      participants_json, seed, order_name, focal_id) AS new_id FROM games);
CREATE INDEX temp.rekey_old ON rekey (old_id);
CREATE INDEX temp.rekey_new ON rekey (new_id, copy);

-- Extra copies: their sweeps link the kept copy instead; they stay, outside every sweep.
INSERT OR IGNORE INTO sweep_games (sweep_id, game_id)
  SELECT sg.sweep_id, kept.old_id FROM sweep_games sg
  JOIN rekey extra ON extra.old_id = sg.game_id AND extra.copy > 1
  JOIN rekey kept ON kept.new_id = extra.new_id AND kept.copy = 1;
DELETE FROM sweep_games WHERE game_id IN (SELECT old_id FROM rekey WHERE copy > 1);
INSERT INTO events (ts, kind, sweep_id, game_id, payload_json)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration', NULL, extra.old_id,
    json_object('migration', '0003_game_ids_v2', 'duplicateOf', extra.new_id,
      'detail', 'same game content as the kept copy; left out of every sweep')
  FROM rekey extra WHERE extra.copy > 1;

DELETE FROM rekey WHERE copy > 1 OR old_id = new_id;
UPDATE games SET id = r.new_id FROM rekey r WHERE r.old_id = games.id;
UPDATE sweep_games SET game_id = r.new_id FROM rekey r WHERE r.old_id = sweep_games.game_id;
UPDATE turns SET game_id = r.new_id FROM rekey r WHERE r.old_id = turns.game_id;
UPDATE calls SET game_id = r.new_id FROM rekey r WHERE r.old_id = calls.game_id;
UPDATE events SET game_id = r.new_id FROM rekey r WHERE r.old_id = events.game_id;

DROP TABLE temp.rekey;

CREATE TEMP TABLE sweep_rekey AS
  SELECT id AS old_id, new_id, row_number() OVER (
      PARTITION BY new_id ORDER BY created_at DESC, rowid DESC
    ) AS copy
  FROM (SELECT rowid, id, created_at, parley_sweep_id(spec_json) AS new_id FROM sweeps);
CREATE INDEX temp.sweep_rekey_old ON sweep_rekey (old_id);
CREATE INDEX temp.sweep_rekey_new ON sweep_rekey (new_id, copy);

INSERT INTO events (ts, kind, sweep_id, game_id, payload_json)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration', extra.new_id, NULL,
    json_object('migration', '0003_game_ids_v2', 'mergedSweep', s.id, 'name', s.name,
      'status', s.status, 'createdAt', s.created_at, 'spec', json(s.spec_json))
  FROM sweep_rekey extra JOIN sweeps s ON s.id = extra.old_id WHERE extra.copy > 1;
INSERT OR IGNORE INTO sweep_games (sweep_id, game_id)
  SELECT kept.old_id, sg.game_id FROM sweep_games sg
  JOIN sweep_rekey extra ON extra.old_id = sg.sweep_id AND extra.copy > 1
  JOIN sweep_rekey kept ON kept.new_id = extra.new_id AND kept.copy = 1;
DELETE FROM sweep_games WHERE sweep_id IN (SELECT old_id FROM sweep_rekey WHERE copy > 1);
UPDATE events SET sweep_id = (
    SELECT kept.old_id FROM sweep_rekey extra
    JOIN sweep_rekey kept ON kept.new_id = extra.new_id AND kept.copy = 1
    WHERE extra.old_id = events.sweep_id)
  WHERE sweep_id IN (SELECT old_id FROM sweep_rekey WHERE copy > 1);
DELETE FROM sweeps WHERE id IN (SELECT old_id FROM sweep_rekey WHERE copy > 1);

DELETE FROM sweep_rekey WHERE copy > 1 OR old_id = new_id;
UPDATE sweeps SET id = (SELECT new_id FROM sweep_rekey WHERE old_id = sweeps.id)
  WHERE id IN (SELECT old_id FROM sweep_rekey);
UPDATE sweep_games SET sweep_id = (
    SELECT new_id FROM sweep_rekey WHERE old_id = sweep_games.sweep_id)
  WHERE sweep_id IN (SELECT old_id FROM sweep_rekey);
UPDATE events SET sweep_id = (SELECT new_id FROM sweep_rekey WHERE old_id = events.sweep_id)
  WHERE sweep_id IN (SELECT old_id FROM sweep_rekey);

DROP TABLE temp.sweep_rekey;
