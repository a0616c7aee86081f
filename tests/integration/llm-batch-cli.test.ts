// `parley run` of a batch sweep in a child process against the mock (in this process): SIGKILL
// while its first batches are in flight, then re-run: the stored batches are polled, not sent
// again, and the games equal those of an online run, at half the price.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { countRows, snapshot, tempDir, waitFor } from './cli-helpers';
import { ANTHROPIC_KEY, OPENAI_KEY, llmSweep, loopbackConfig, runCliAsync } from './llm-helpers';

const tmp = tempDir('parley-batch-cli-');
const mocks: MockLlm[] = [];
afterAll(async () => {
  for (const m of mocks) await m.close();
  tmp.cleanup();
});

const keysEnv = {
  ANTHROPIC_API_KEY: ANTHROPIC_KEY,
  OPENAI_API_KEY: OPENAI_KEY,
  ...loopbackConfig(join(tmp.dir, 'config')),
};

describe('parley run with batch: true (child processes)', () => {
  it('SIGKILL mid-batch, then re-run: the stored batches are polled, never resubmitted', async () => {
    const mock = await startMockLlm();
    mocks.push(mock);
    const online = join(tmp.dir, 'online.json');
    writeFileSync(online, JSON.stringify(llmSweep(mock.url)));
    const refDb = join(tmp.dir, 'ref.db');
    expect((await runCliAsync(['run', online, '--db', refDb], keysEnv)).status).toBe(0);

    const file = join(tmp.dir, 'batch.json');
    const doc = llmSweep(mock.url, {
      concurrency: 8,
      batch: { tickSeconds: 0.05, pollSeconds: 0.05 },
    });
    writeFileSync(file, JSON.stringify(doc));
    const db = join(tmp.dir, 'batch.db');
    const estimate = await runCliAsync(['run', file, '--db', db, '--estimate'], keysEnv);
    expect(estimate.status).toBe(0);
    const cost = /cost +\$([\d.]+) with prompt caching, \$([\d.]+) without/.exec(estimate.stdout);
    const batched =
      /with batch +\$([\d.]+) \.\. \$([\d.]+) \(anthropic, openai at batch prices\)/.exec(
        estimate.stdout,
      );
    expect(cost && batched).toBeTruthy();
    expect(Math.abs(Number(batched![1]) - Number(cost![1]) / 2)).toBeLessThanOrEqual(0.0001);
    expect(Math.abs(Number(batched![2]) - Number(cost![2]) / 2)).toBeLessThanOrEqual(0.0001);
    mock.setBatchDelay(60_000);
    const killed = await runCliAsync(['run', file, '--db', db], keysEnv, (child) => {
      void waitFor(
        () => countRows(db, 'SELECT count(*) FROM provider_batches') >= 2,
        60_000,
        5,
      ).then(() => child.kill('SIGKILL'));
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(mock.batchStats.created).toEqual({ anthropic: 1, openai: 1 });
    const first = Object.keys(mock.batchStats.byBatch);
    expect(
      countRows(db, 'SELECT count(*) FROM provider_batch_requests WHERE consumed_at IS NULL'),
    ).toBe(8);
    expect(mock.batchStats.outcomes).toEqual({});

    // The stored batches end while nothing runs; the re-run collects them.
    mock.setBatchDelay(0);
    mock.endBatchesNow();
    const resumed = await runCliAsync(['run', file, '--db', db], keysEnv);
    expect(resumed.stderr).toContain('interrupted games resumed');
    expect(resumed.stderr).toMatch(
      /provider anthropic batch: mock-claude-1: 1 batch in flight \(4 requests\), 0 collecting/,
    );
    expect(resumed.status).toBe(0);
    expect(snapshot(db)).toEqual(snapshot(refDb));
    const okCalls = countRows(db, "SELECT count(*) FROM calls WHERE status = 'ok'");
    // Each request went in exactly one batch; the first two were answered after the restart.
    expect(mock.batchStats.requests).toBe(okCalls);
    expect(Object.keys(mock.batchStats.byBatch).slice(0, 2)).toEqual(first);
    expect(countRows(db, "SELECT count(*) FROM provider_batches WHERE status != 'done'")).toBe(0);
    // Every answered call at batch prices: half of its tokens at the models' online prices
    // (llmSweep: anthropic 3 / 15 per Mtok, cache reads 0.1x and writes 1.25x input; openai
    // 2 / 8, cached input 0.5x).
    const offBy = countRows(
      db,
      `SELECT sum(abs(cost_usd - 0.5 * CASE provider
         WHEN 'anthropic' THEN input_tokens * 3 + cache_read_tokens * 0.3
           + cache_write_tokens * 3.75 + output_tokens * 15
         ELSE input_tokens * 2 + cache_read_tokens * 1 + output_tokens * 8 END / 1e6)) * 1e12
       FROM calls WHERE status = 'ok'`,
    );
    expect(offBy).toBeLessThan(1);
    expect(countRows(db, "SELECT min(cost_usd) FROM calls WHERE status = 'ok'")).toBeGreaterThan(0);

    // The ledger says every answered call was batched (the 8 sent before the kill were never
    // answered), and `parley status` breaks the cost down so.
    expect(countRows(db, 'SELECT count(*) FROM calls WHERE batched = 1')).toBe(okCalls);
    expect(countRows(db, "SELECT count(*) FROM calls WHERE batched = 0 AND status = 'sent'")).toBe(
      8,
    );
    expect(countRows(db, "SELECT count(*) FROM calls WHERE status != 'sent'")).toBe(okCalls);
    expect(countRows(refDb, 'SELECT count(*) FROM calls WHERE batched = 1')).toBe(0);
    const usd = (file: string, where: string) =>
      `$${countRows(file, `SELECT total(cost_usd + estimated_cost_usd * (status = 'sent')) FROM calls WHERE ${where}`).toFixed(4)}`;
    const refCalls = countRows(refDb, 'SELECT count(*) FROM calls');
    const status = await runCliAsync(['status', '--db', db], keysEnv);
    expect(status.status).toBe(0);
    expect(status.stdout.split('\n')[2]).toBe(
      `  model ${okCalls + 8} calls: ${okCalls} batched (${usd(db, 'batched = 1')} at batch prices), ` +
        `0 online ($0.0000), 8 unanswered (${usd(db, "status = 'sent'")} estimated)`,
    );
    const refStatus = await runCliAsync(['status', '--db', refDb], keysEnv);
    expect(refStatus.stdout.split('\n')[2]).toBe(
      `  model ${refCalls} calls: 0 batched ($0.0000 at batch prices), ${refCalls} online (${usd(refDb, '1')})`,
    );
  });
});
