// Provider batches (migration 0010): the batches a sweep submitted and their requests, so that a
// restart finds a request's batch by its hash and polls it instead of resubmitting.
import type { Sql } from './sql';
import { now } from './sql';

/** 'cancelled' (migration 0012): its sweep was cancelled and the batch cancelled at the provider. */
export type BatchStatus = 'in_progress' | 'ended' | 'done' | 'cancelled';

export interface StoredBatchRequest {
  customId: string;
  requestHash: string;
  gameId: string | null;
}

export interface StoredBatch {
  id: string;
  sweepId: string | null;
  provider: string;
  baseUrl: string;
  model: string;
  status: BatchStatus;
  requestCount: number;
  createdAt: string;
  endedAt: string | null;
  /** Requests whose result has not been handed to their game yet. */
  open: StoredBatchRequest[];
}

interface DbProviderBatch {
  id: string;
  sweep_id: string | null;
  provider: string;
  base_url: string;
  model: string;
  status: string;
  request_count: number;
  created_at: string;
  ended_at: string | null;
}

interface DbProviderBatchRequest {
  custom_id: string;
  request_hash: string;
  game_id: string | null;
}

export interface BatchStore {
  /** Record a submitted batch and its requests (one transaction). */
  recordBatch(
    batch: Pick<StoredBatch, 'id' | 'sweepId' | 'provider' | 'baseUrl' | 'model'>,
    requests: readonly StoredBatchRequest[],
  ): void;
  /** A cancelled batch stays cancelled (a late poll does not mark it ended). */
  setBatchStatus(id: string, status: BatchStatus): void;
  /** A request's result reached its game; a batch with none left open is 'done'. */
  consumeBatchRequest(batchId: string, customId: string): void;
  /** Batches not yet done nor cancelled (of one endpoint), with their open requests, oldest first. */
  listOpenBatches(query: { sweepId?: string; provider: string; baseUrl: string }): StoredBatch[];
  /** A sweep's batches not yet done nor cancelled, of every endpoint, oldest first. */
  listSweepOpenBatches(sweepId: string): StoredBatch[];
}

export function batchMethods({ db, stmt }: Sql): BatchStore {
  const insertRequests = db.transaction(
    (batch: Parameters<BatchStore['recordBatch']>[0], requests: readonly StoredBatchRequest[]) => {
      stmt(
        `INSERT INTO provider_batches (id, sweep_id, provider, base_url, model, status,
           request_count, created_at) VALUES (?, ?, ?, ?, ?, 'in_progress', ?, ?)`,
      ).run(
        batch.id,
        batch.sweepId,
        batch.provider,
        batch.baseUrl,
        batch.model,
        requests.length,
        now(),
      );
      const add = stmt(
        `INSERT INTO provider_batch_requests (batch_id, custom_id, request_hash, game_id)
         VALUES (?, ?, ?, ?)`,
      );
      for (const r of requests) add.run(batch.id, r.customId, r.requestHash, r.gameId);
    },
  );
  return {
    recordBatch: (batch, requests) => insertRequests(batch, requests),
    setBatchStatus(id, status) {
      stmt(
        `UPDATE provider_batches SET status = ?,
           ended_at = CASE WHEN ? = 'in_progress' THEN NULL ELSE COALESCE(ended_at, ?) END
         WHERE id = ? AND (status != 'cancelled' OR ? = 'cancelled')`,
      ).run(status, status, now(), id, status);
    },
    consumeBatchRequest(batchId, customId) {
      stmt(
        `UPDATE provider_batch_requests SET consumed_at = ?
         WHERE batch_id = ? AND custom_id = ? AND consumed_at IS NULL`,
      ).run(now(), batchId, customId);
      stmt(
        `UPDATE provider_batches SET status = 'done', ended_at = COALESCE(ended_at, ?)
         WHERE id = ? AND status != 'cancelled' AND NOT EXISTS (SELECT 1 FROM provider_batch_requests
           WHERE batch_id = ? AND consumed_at IS NULL)`,
      ).run(now(), batchId, batchId);
    },
    listOpenBatches({ sweepId, provider, baseUrl }) {
      const rows = stmt(
        `SELECT * FROM provider_batches WHERE status NOT IN ('done', 'cancelled') AND provider = ?
           AND base_url = ? AND (? IS NULL OR sweep_id = ?) ORDER BY created_at, rowid`,
      ).all(provider, baseUrl, sweepId ?? null, sweepId ?? null) as DbProviderBatch[];
      return withOpen(rows);
    },
    listSweepOpenBatches(sweepId) {
      const rows = stmt(
        `SELECT * FROM provider_batches WHERE status NOT IN ('done', 'cancelled')
           AND sweep_id = ? ORDER BY created_at, rowid`,
      ).all(sweepId) as DbProviderBatch[];
      return withOpen(rows);
    },
  };

  function withOpen(rows: DbProviderBatch[]): StoredBatch[] {
    const open = stmt(
      `SELECT custom_id, request_hash, game_id FROM provider_batch_requests
         WHERE batch_id = ? AND consumed_at IS NULL ORDER BY rowid`,
    );
    return rows.map((r) => ({
      id: r.id,
      sweepId: r.sweep_id,
      provider: r.provider,
      baseUrl: r.base_url,
      model: r.model,
      status: r.status as BatchStatus,
      requestCount: r.request_count,
      createdAt: r.created_at,
      endedAt: r.ended_at,
      open: (open.all(r.id) as DbProviderBatchRequest[]).map((q) => ({
        customId: q.custom_id,
        requestHash: q.request_hash,
        gameId: q.game_id,
      })),
    }));
  }
}
