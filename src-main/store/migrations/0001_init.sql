-- Parley's first schema. Shipped migrations are never edited: add 0002_*.sql instead.
-- Every table is STRICT, so a value of the wrong type is an error rather than a silent coercion.
-- Timestamps are ISO-8601 UTC strings; *_json columns hold JSON text written by the store.

CREATE TABLE models (
  id         TEXT PRIMARY KEY,
  spec_json  TEXT NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('registry', 'user', 'sweep')),
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE sweeps (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  spec_json  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status     TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'cancelled'))
) STRICT;

CREATE INDEX sweeps_name ON sweeps (name);

-- One row per distinct game content (the id is a hash of it): a game shared by several sweeps
-- runs once. deal, agreement_round and utilities_json repeat parts of outcome_json so that
-- analysis queries can filter and aggregate without parsing JSON.
CREATE TABLE games (
  id                TEXT PRIMARY KEY,
  kind              TEXT NOT NULL,
  params_json       TEXT NOT NULL,
  protocol_json     TEXT NOT NULL,
  participants_json TEXT NOT NULL,
  n_agents          INTEGER NOT NULL,
  seed              INTEGER NOT NULL,
  run_index         INTEGER NOT NULL,
  order_name        TEXT NOT NULL,
  competition_level REAL NOT NULL,
  rho               REAL,
  theta             REAL,
  focal_id          TEXT NOT NULL,
  focal_capability  REAL,
  capabilities_json TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'running', 'paused', 'finished', 'failed', 'cancelled')),
  instance_json     TEXT,
  outcome_json      TEXT,
  deal              INTEGER CHECK (deal IN (0, 1)),
  agreement_round   INTEGER,
  utilities_json    TEXT,
  error             TEXT,
  pause_reason      TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  finished_at       TEXT
) STRICT;

CREATE INDEX games_status ON games (status);
CREATE INDEX games_kind_competition ON games (kind, competition_level);

CREATE TABLE sweep_games (
  sweep_id TEXT NOT NULL REFERENCES sweeps (id),
  game_id  TEXT NOT NULL REFERENCES games (id),
  PRIMARY KEY (sweep_id, game_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX sweep_games_game ON sweep_games (game_id);

-- The transcript. The primary key is the turn's identity in the protocol, so a turn committed
-- twice is a constraint error; seq is the commit order within the game (0-based).
CREATE TABLE turns (
  game_id    TEXT NOT NULL REFERENCES games (id),
  round      INTEGER NOT NULL,
  phase      TEXT NOT NULL,
  phase_ord  INTEGER NOT NULL,
  pass       INTEGER NOT NULL,
  agent      INTEGER NOT NULL,
  attempt    INTEGER NOT NULL,
  seq        INTEGER NOT NULL,
  visibility TEXT NOT NULL CHECK (visibility IN ('public', 'private')),
  text       TEXT NOT NULL,
  action_json TEXT,
  status     TEXT NOT NULL CHECK (status IN ('ok', 'invalid', 'parse_failure', 'synthetic')),
  error      TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (game_id, round, phase_ord, pass, agent, attempt),
  UNIQUE (game_id, seq)
) STRICT, WITHOUT ROWID;

-- Every model call, written when sent and again when answered: a row left at 'sent' is a call
-- that was in flight when the process stopped.
CREATE TABLE calls (
  id                 INTEGER PRIMARY KEY,
  game_id            TEXT NOT NULL REFERENCES games (id),
  round              INTEGER NOT NULL,
  phase              TEXT NOT NULL,
  agent              INTEGER NOT NULL,
  attempt            INTEGER NOT NULL,
  provider           TEXT NOT NULL,
  model              TEXT NOT NULL,
  request_hash       TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'ok', 'error')),
  http_status        INTEGER,
  error_kind         TEXT,
  error              TEXT,
  input_tokens       INTEGER NOT NULL DEFAULT 0,
  cache_write_tokens INTEGER NOT NULL DEFAULT 0,
  cache_read_tokens  INTEGER NOT NULL DEFAULT 0,
  output_tokens      INTEGER NOT NULL DEFAULT 0,
  reasoning_tokens   INTEGER NOT NULL DEFAULT 0,
  cost_usd           REAL NOT NULL DEFAULT 0,
  latency_ms         INTEGER,
  sent_at            TEXT NOT NULL,
  answered_at        TEXT
) STRICT;

CREATE INDEX calls_game ON calls (game_id);

-- The provider layer's response cache, keyed by a hash of the full request and the run seed.
CREATE TABLE response_cache (
  key           TEXT PRIMARY KEY,
  response_json TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;

-- An append-only log the UI and the CLI tail by id.
CREATE TABLE events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  ts           TEXT NOT NULL,
  kind         TEXT NOT NULL,
  sweep_id     TEXT,
  game_id      TEXT,
  payload_json TEXT NOT NULL
) STRICT;
