-- Score-leakage judgements (DESIGN 3.6): one verdict per judged public answer and judge model.
-- The turn is named by its game and commit order (turns.seq); round and agent repeat the
-- turn's, so that leak rates group by party without reading the transcript. raw_text keeps the
-- judge's last reply as received; a reply that never parsed is a 'parse_failure' with its error.
CREATE TABLE judgements (
  game_id      TEXT NOT NULL REFERENCES games (id),
  seq          INTEGER NOT NULL,
  judge_id     TEXT NOT NULL,
  provider     TEXT NOT NULL,
  model        TEXT NOT NULL,
  round        INTEGER NOT NULL,
  agent        INTEGER NOT NULL,
  verdict      TEXT NOT NULL CHECK (verdict IN ('leaked', 'not_leaked', 'parse_failure')),
  reason       TEXT,
  raw_text     TEXT NOT NULL,
  error        TEXT,
  cost_usd     REAL NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (game_id, seq, judge_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX judgements_judge ON judgements (judge_id);
