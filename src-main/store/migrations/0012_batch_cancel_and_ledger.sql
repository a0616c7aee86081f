-- Batch polish (issue 16): a cancelled sweep's provider batches are marked 'cancelled' (the
-- status CHECK of 0010 allowed no such value, so both batch tables are rebuilt as they were
-- plus that value), and the call ledger records whether a call was answered through a provider
-- batch (`batched`, 1; billed at the batch price) or online (0, also every call before this).
CREATE TABLE provider_batches_v2 (
  id           TEXT PRIMARY KEY,
  sweep_id     TEXT,
  provider     TEXT NOT NULL,
  base_url     TEXT NOT NULL,
  model        TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('in_progress', 'ended', 'done', 'cancelled')),
  request_count INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  ended_at     TEXT
) STRICT;

INSERT INTO provider_batches_v2 (id, sweep_id, provider, base_url, model, status, request_count,
    created_at, ended_at)
  SELECT id, sweep_id, provider, base_url, model, status, request_count, created_at, ended_at
  FROM provider_batches ORDER BY rowid;

CREATE TABLE provider_batch_requests_v2 (
  batch_id     TEXT NOT NULL REFERENCES provider_batches_v2 (id),
  custom_id    TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  game_id      TEXT,
  consumed_at  TEXT,
  PRIMARY KEY (batch_id, custom_id)
) STRICT;

INSERT INTO provider_batch_requests_v2 (batch_id, custom_id, request_hash, game_id, consumed_at)
  SELECT batch_id, custom_id, request_hash, game_id, consumed_at
  FROM provider_batch_requests ORDER BY rowid;

DROP TABLE provider_batch_requests;
DROP TABLE provider_batches;
-- Renaming also rewrites the REFERENCES of provider_batch_requests_v2.
ALTER TABLE provider_batches_v2 RENAME TO provider_batches;
ALTER TABLE provider_batch_requests_v2 RENAME TO provider_batch_requests;

CREATE INDEX provider_batches_open ON provider_batches (status, sweep_id);
CREATE INDEX provider_batch_requests_hash ON provider_batch_requests (request_hash);

ALTER TABLE calls ADD COLUMN batched INTEGER NOT NULL DEFAULT 0 CHECK (batched IN (0, 1));
