-- Provider batches (DESIGN 8): every Anthropic Message Batch or OpenAI Batch a sweep submitted,
-- and its requests, so that a restart polls a batch in flight instead of resubmitting it. A
-- request is matched again by request_hash (the game and the exact wire body); `consumed_at`
-- is set once its result was handed to the game, after which the response cache answers.
CREATE TABLE provider_batches (
  id           TEXT PRIMARY KEY,
  sweep_id     TEXT,
  provider     TEXT NOT NULL,
  base_url     TEXT NOT NULL,
  model        TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('in_progress', 'ended', 'done')),
  request_count INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  ended_at     TEXT
) STRICT;

CREATE INDEX provider_batches_open ON provider_batches (status, sweep_id);

CREATE TABLE provider_batch_requests (
  batch_id     TEXT NOT NULL REFERENCES provider_batches (id),
  custom_id    TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  game_id      TEXT,
  consumed_at  TEXT,
  PRIMARY KEY (batch_id, custom_id)
) STRICT;

CREATE INDEX provider_batch_requests_hash ON provider_batch_requests (request_hash);
