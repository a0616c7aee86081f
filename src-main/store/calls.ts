// Model calls (written when sent and when answered) and the provider layer's response cache.
import type { Phase } from '../../src-shared/game';
import type { DbCacheEntry, DbCall } from './rows';
import type { Sql } from './sql';
import type { CallRow, CallStatus, CallTotals, Store } from './types';
import { StoreError } from './errors';
import { CALL_STATUSES } from './types';
import { now } from './sql';

type CallMethods = Pick<
  Store,
  'recordCallSent' | 'recordCallAnswered' | 'callTotals' | 'listCalls' | 'cacheGet' | 'cachePut'
>;

const toCall = (r: DbCall): CallRow => ({
  id: r.id,
  gameId: r.game_id,
  round: r.round,
  phase: r.phase as Phase,
  agent: r.agent,
  attempt: r.attempt,
  provider: r.provider,
  model: r.model,
  requestHash: r.request_hash,
  status: r.status as CallStatus,
  httpStatus: r.http_status,
  errorKind: r.error_kind,
  error: r.error,
  inputTokens: r.input_tokens,
  cacheWriteTokens: r.cache_write_tokens,
  cacheReadTokens: r.cache_read_tokens,
  outputTokens: r.output_tokens,
  reasoningTokens: r.reasoning_tokens,
  costUsd: r.cost_usd,
  estimatedCostUsd: r.estimated_cost_usd,
  latencyMs: r.latency_ms,
  sentAt: r.sent_at,
  answeredAt: r.answered_at,
  batched: r.batched === 1,
});

// total() rather than sum(): 0 instead of NULL over no rows, and a float for the cost. A call
// still at 'sent' has no answer yet (or never will: its runner stopped), so it counts at its
// estimate.
const TOTALS = `SELECT count(*) AS calls,
    total(status = 'sent') AS sent, total(status = 'ok') AS ok, total(status = 'error') AS error,
    total(input_tokens) AS inputTokens, total(cache_write_tokens) AS cacheWriteTokens,
    total(cache_read_tokens) AS cacheReadTokens, total(output_tokens) AS outputTokens,
    total(reasoning_tokens) AS reasoningTokens,
    total(CASE status WHEN 'sent' THEN estimated_cost_usd ELSE cost_usd END) AS costUsd,
    total(CASE status WHEN 'sent' THEN estimated_cost_usd ELSE 0 END) AS estimatedUsd,
    total(batched) AS batchedCalls, total(CASE batched WHEN 1 THEN cost_usd ELSE 0 END) AS batchedCostUsd
  FROM calls`;

type TotalsRow = Omit<CallTotals, 'byStatus'> & Record<CallStatus, number>;

export function callMethods({ stmt }: Sql): CallMethods {
  return {
    recordCallSent(c) {
      const { lastInsertRowid } = stmt(
        `INSERT INTO calls (game_id, round, phase, agent, attempt, provider, model, request_hash,
           estimated_cost_usd, sent_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        c.gameId,
        c.round,
        c.phase,
        c.agent,
        c.attempt,
        c.provider,
        c.model,
        c.requestHash,
        c.estimatedCostUsd ?? 0,
        now(),
      );
      return Number(lastInsertRowid);
    },

    recordCallAnswered(id, a) {
      const u = a.usage;
      const { changes } = stmt(
        `UPDATE calls SET status = ?, http_status = ?, error_kind = ?, error = ?, input_tokens = ?,
           cache_write_tokens = ?, cache_read_tokens = ?, output_tokens = ?, reasoning_tokens = ?,
           cost_usd = ?, latency_ms = ?, answered_at = ?, batched = ?
         WHERE id = ?`,
      ).run(
        a.status,
        a.httpStatus ?? null,
        a.errorKind ?? null,
        a.error ?? null,
        u.inputTokens,
        u.cacheWriteTokens,
        u.cacheReadTokens,
        u.outputTokens,
        u.reasoningTokens,
        u.costUsd,
        a.latencyMs,
        now(),
        a.batched ? 1 : 0,
        id,
      );
      if (changes === 0) throw new StoreError(`No call with id ${id}.`);
    },

    callTotals({ sweepId, gameId } = {}) {
      const where: string[] = [];
      const args: string[] = [];
      if (gameId !== undefined) {
        where.push('game_id = ?');
        args.push(gameId);
      }
      if (sweepId !== undefined) {
        where.push('game_id IN (SELECT game_id FROM sweep_games WHERE sweep_id = ?)');
        args.push(sweepId);
      }
      const sql = where.length > 0 ? `${TOTALS} WHERE ${where.join(' AND ')}` : TOTALS;
      // No call in the whole store (a strategy sweep): zeros without listing the sweep's games,
      // which its progress line would otherwise do every 200 ms.
      const isEmpty = stmt('SELECT NOT EXISTS (SELECT 1 FROM calls) AS e').get() as { e: number };
      const r = (isEmpty.e === 1 ? stmt(TOTALS).get() : stmt(sql).get(...args)) as TotalsRow;
      const byStatus = Object.fromEntries(CALL_STATUSES.map((s) => [s, r[s]])) as Record<
        CallStatus,
        number
      >;
      return {
        calls: r.calls,
        byStatus,
        inputTokens: r.inputTokens,
        cacheWriteTokens: r.cacheWriteTokens,
        cacheReadTokens: r.cacheReadTokens,
        outputTokens: r.outputTokens,
        reasoningTokens: r.reasoningTokens,
        costUsd: r.costUsd,
        estimatedUsd: r.estimatedUsd,
        batchedCalls: r.batchedCalls,
        batchedCostUsd: r.batchedCostUsd,
      };
    },

    listCalls(gameId) {
      return (
        stmt('SELECT * FROM calls WHERE game_id = ? ORDER BY id').all(gameId) as DbCall[]
      ).map(toCall);
    },

    cacheGet(key) {
      const row = stmt('SELECT response_json FROM response_cache WHERE key = ?').get(key) as
        Pick<DbCacheEntry, 'response_json'> | undefined;
      return row ? (JSON.parse(row.response_json) as unknown) : undefined;
    },

    cachePut(key, value) {
      // The first answer wins: a replay must return what the original run saw.
      const { changes } = stmt(
        `INSERT INTO response_cache (key, response_json, created_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO NOTHING`,
      ).run(key, JSON.stringify(value), now());
      return changes > 0;
    },
  };
}
