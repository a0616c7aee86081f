-- A 100,000-game sweep on a laptop (issue 15).
--
-- 1. Rules text once. Every game's public rules text (~1.5 KB) was copied into its instance_json
--    and again at the head of every setup turn. It now sits once in `rules`, keyed by the sha256
--    of its text (parley_sha256, registered by the store before migrating):
--      games.rules_hash  the game's rules; its instance_json keeps the key with a null value
--                        (so the instance reads back with its keys in their order) and the store
--                        puts the text back when it reads the row
--      turns.rules_hash  set on a setup turn whose text began with its game's rules: text holds
--                        only what follows them, and the store reads rules.text || text
--    The search index keeps the whole text of every turn (the trigger below is 0006's with the
--    rules put back), so a search finds the same turns as before.
-- 2. Per-sweep counts by state, kept by triggers, so that progress (parley status, the runs
--    monitor, the run's own progress line every 200 ms) reads a few rows instead of counting every
--    game of the sweep: counting a 30,000-game sweep took ~90 ms, and at 100,000 games the run
--    spent most of its time counting (the cliff of issue 15). The triggers follow every way a
--    game enters or leaves a sweep or changes state; the store turns on recursive_triggers, so a
--    game replaced by INSERT OR REPLACE (merging shards) is counted out and in again.
CREATE TABLE rules (
  hash TEXT PRIMARY KEY,
  text TEXT NOT NULL
) STRICT, WITHOUT ROWID;

ALTER TABLE games ADD COLUMN rules_hash TEXT;
ALTER TABLE turns ADD COLUMN rules_hash TEXT;

INSERT OR IGNORE INTO rules (hash, text)
  SELECT parley_sha256(instance_json ->> 'rules'), instance_json ->> 'rules' FROM games
  WHERE json_type(instance_json, '$.rules') = 'text';

UPDATE games SET rules_hash = parley_sha256(instance_json ->> 'rules'),
    instance_json = json_replace(instance_json, '$.rules', json('null'))
  WHERE json_type(instance_json, '$.rules') = 'text';

-- The text did not change, only where it is kept: the index needs no update.
DROP TRIGGER turns_search_text;

UPDATE turns SET rules_hash = g.rules_hash, text = substr(turns.text, length(r.text) + 1)
  FROM games g JOIN rules r ON r.hash = g.rules_hash
  WHERE g.id = turns.game_id AND turns.phase = 'setup'
    AND substr(turns.text, 1, length(r.text)) = r.text;

CREATE TRIGGER turns_search_text AFTER UPDATE OF text, rules_hash ON turns BEGIN
  DELETE FROM turns_fts WHERE rowid =
    (SELECT id FROM turn_search_keys WHERE game_id = new.game_id AND seq = new.seq);
  INSERT INTO turns_fts (rowid, text)
    SELECT id, coalesce((SELECT text FROM rules WHERE hash = new.rules_hash), '') || new.text
    FROM turn_search_keys
    WHERE game_id = new.game_id AND seq = new.seq
      AND id <= (SELECT indexed_upto FROM turn_search_state);
END;

CREATE TABLE sweep_counts (
  sweep_id TEXT NOT NULL,
  status   TEXT NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (sweep_id, status)
) STRICT, WITHOUT ROWID;

INSERT INTO sweep_counts (sweep_id, status, n)
  SELECT sg.sweep_id, g.status, count(*) FROM sweep_games sg JOIN games g ON g.id = sg.game_id
  GROUP BY sg.sweep_id, g.status;

CREATE TRIGGER sweep_counts_link AFTER INSERT ON sweep_games BEGIN
  INSERT INTO sweep_counts (sweep_id, status, n)
    SELECT new.sweep_id, status, 1 FROM games WHERE id = new.game_id
    ON CONFLICT (sweep_id, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER sweep_counts_unlink AFTER DELETE ON sweep_games BEGIN
  UPDATE sweep_counts SET n = n - 1
    WHERE sweep_id = old.sweep_id
      AND status = (SELECT status FROM games WHERE id = old.game_id);
END;

CREATE TRIGGER sweep_counts_game_in AFTER INSERT ON games BEGIN
  INSERT INTO sweep_counts (sweep_id, status, n)
    SELECT sweep_id, new.status, 1 FROM sweep_games WHERE game_id = new.id
    ON CONFLICT (sweep_id, status) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER sweep_counts_game_out AFTER DELETE ON games BEGIN
  UPDATE sweep_counts SET n = n - 1
    WHERE status = old.status
      AND sweep_id IN (SELECT sweep_id FROM sweep_games WHERE game_id = old.id);
END;

CREATE TRIGGER sweep_counts_game_change AFTER UPDATE OF id, status ON games
  WHEN old.id IS NOT new.id OR old.status IS NOT new.status BEGIN
  UPDATE sweep_counts SET n = n - 1
    WHERE status = old.status
      AND sweep_id IN (SELECT sweep_id FROM sweep_games WHERE game_id = old.id);
  INSERT INTO sweep_counts (sweep_id, status, n)
    SELECT sweep_id, new.status, 1 FROM sweep_games WHERE game_id = new.id
    ON CONFLICT (sweep_id, status) DO UPDATE SET n = n + 1;
END;
