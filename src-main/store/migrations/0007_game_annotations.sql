-- A researcher's tags and notes on games. They belong to the game (its content-addressed id), so
-- a game shared by several sweeps shows the same tags in each; deleting a game is never done.
CREATE TABLE game_tags (
  game_id TEXT NOT NULL REFERENCES games (id),
  tag     TEXT NOT NULL,
  PRIMARY KEY (game_id, tag)
) STRICT, WITHOUT ROWID;

CREATE INDEX game_tags_tag ON game_tags (tag, game_id);

CREATE TABLE game_notes (
  game_id    TEXT PRIMARY KEY REFERENCES games (id),
  text       TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
