-- Full-text search over every turn's text, public and private (FTS5, unicode61 tokens with
-- diacritics folded, so "deal" finds "Deal" and "déal").
--
-- turns is WITHOUT ROWID, and an FTS5 row needs an integer rowid: turn_search_keys gives each
-- turn (game_id, seq) one, in commit order, and turns_fts indexes the text under that rowid
-- without a second copy of it (contentless, with deletes allowed). store/search.ts reads the
-- text, phase and speaker back from turns.
--
-- Indexing is an explicit step, not part of committing a turn: FTS5 work inside every turn's
-- commit halved the engine's throughput (engine_games_per_s 167-196 -> 92-108). A commit only
-- adds the turn's key; each search first indexes the keys above turn_search_state.indexed_upto
-- (store/search.ts indexPendingTurns), so a search always sees every committed turn.
CREATE TABLE turn_search_keys (
  id      INTEGER PRIMARY KEY,
  game_id TEXT NOT NULL,
  seq     INTEGER NOT NULL,
  UNIQUE (game_id, seq)
) STRICT;

CREATE TABLE turn_search_state (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_upto INTEGER NOT NULL
) STRICT;

CREATE VIRTUAL TABLE turns_fts USING fts5(
  text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER turns_search_insert AFTER INSERT ON turns BEGIN
  INSERT INTO turn_search_keys (game_id, seq) VALUES (new.game_id, new.seq);
END;

CREATE TRIGGER turns_search_delete AFTER DELETE ON turns BEGIN
  DELETE FROM turns_fts WHERE rowid =
    (SELECT id FROM turn_search_keys WHERE game_id = old.game_id AND seq = old.seq);
  DELETE FROM turn_search_keys WHERE game_id = old.game_id AND seq = old.seq;
END;

-- A re-keyed game (a later migration renaming game ids) keeps its index entries.
CREATE TRIGGER turns_search_rekey AFTER UPDATE OF game_id, seq ON turns BEGIN
  UPDATE turn_search_keys SET game_id = new.game_id, seq = new.seq
  WHERE game_id = old.game_id AND seq = old.seq;
END;

CREATE TRIGGER turns_search_text AFTER UPDATE OF text ON turns BEGIN
  DELETE FROM turns_fts WHERE rowid =
    (SELECT id FROM turn_search_keys WHERE game_id = new.game_id AND seq = new.seq);
  INSERT INTO turns_fts (rowid, text)
    SELECT id, new.text FROM turn_search_keys
    WHERE game_id = new.game_id AND seq = new.seq
      AND id <= (SELECT indexed_upto FROM turn_search_state);
END;

-- Backfill: every turn stored before this migration.
INSERT INTO turn_search_keys (game_id, seq) SELECT game_id, seq FROM turns ORDER BY game_id, seq;
INSERT INTO turns_fts (rowid, text)
  SELECT k.id, t.text FROM turn_search_keys k JOIN turns t ON t.game_id = k.game_id AND t.seq = k.seq;
INSERT INTO turn_search_state (id, indexed_upto)
  SELECT 1, coalesce(max(id), 0) FROM turn_search_keys;
