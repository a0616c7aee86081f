-- A researcher's tags and notes on games. They belong to the game (its content-addressed id), so
-- a game shared by several sweeps shows the same tags in each. IF NOT EXISTS: a database whose
-- migration record was rolled back (as the 0002 backfill test does) re-applies this file cleanly.
CREATE TABLE IF NOT EXISTS game_tags (
  game_id TEXT NOT NULL REFERENCES games (id),
  tag     TEXT NOT NULL,
  PRIMARY KEY (game_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS game_tags_tag ON game_tags (tag, game_id);

CREATE TABLE IF NOT EXISTS game_notes (
  game_id    TEXT PRIMARY KEY REFERENCES games (id),
  text       TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
