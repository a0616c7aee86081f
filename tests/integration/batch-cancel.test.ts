// Cancelling a batch sweep through the host (`sweeps:cancel`, what the runs screen sends):
// its Anthropic Message Batch and OpenAI Batch in flight are cancelled through the official SDKs
// against the mock on 127.0.0.1, and the stored batch rows are marked cancelled.
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import Database from 'better-sqlite3';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateResult } from '../../src-shared/contract';
import { openEngine, type Engine } from '../../src-main/host/engine';
import type { KeyVault } from '../../src-main/host/types';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { ANTHROPIC_KEY, llmSweep } from './llm-helpers';
import { tempDir } from './cli-helpers';

let mock: MockLlm | undefined;
let engine: Engine | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await engine?.close();
  await mock?.close();
  cleanup?.();
});

const vault: KeyVault = {
  status: () => Promise.resolve({ status: 'set', source: 'keychain', detail: null }),
  set: () => Promise.resolve(),
  test: () => Promise.resolve({ status: 'works', source: 'keychain', detail: null }),
};

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('cancelling a batch sweep', () => {
  it('cancels its provider batches in flight through the SDKs and marks them cancelled', async () => {
    // Batches that would take a minute: they are in flight when the sweep is cancelled.
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY, batchDelayMs: 60_000 });
    const t = tempDir('parley-batch-cancel-');
    cleanup = t.cleanup;
    const dbPath = join(t.dir, 'parley.db');
    engine = openEngine({
      dbPath,
      mode: 'web',
      keys: vault,
      keySource: {
        allowedHosts: () => ['127.0.0.1'],
        get: () => Promise.resolve({ key: ANTHROPIC_KEY, source: 'keychain' }),
      },
    });
    const { service, store, host } = engine;
    const doc = llmSweep(mock.url, { batch: { tickSeconds: 0.03, pollSeconds: 0.02 } });
    const { sweepId } = (await host.handle('sweeps:create', { doc })) as CreateResult;
    const run = service.start(sweepId);
    // Concurrency 4: the first turns of the 4 running games, 2 opened by Claude and 2 by GPT.
    await until(() => store.listSweepOpenBatches(sweepId).length === 2, 'both batches');
    const open = store.listSweepOpenBatches(sweepId);
    expect(open.map((b) => [b.provider, b.status, b.requestCount]).sort()).toEqual([
      ['anthropic', 'in_progress', 2],
      ['openai', 'in_progress', 2],
    ]);
    expect(mock.batchStats.cancels).toBe(0);

    await host.handle('sweeps:cancel', { sweepId });
    await run;

    // The mock received one cancel per batch, and says so through the SDKs.
    expect(mock.batchStats.cancels).toBe(2);
    const anthropicId = open.find((b) => b.provider === 'anthropic')!.id;
    const openaiId = open.find((b) => b.provider === 'openai')!.id;
    const anthropic = new Anthropic({ apiKey: ANTHROPIC_KEY, baseURL: mock.url });
    const openai = new OpenAI({ apiKey: ANTHROPIC_KEY, baseURL: `${mock.url}/v1` });
    const a = await anthropic.messages.batches.retrieve(anthropicId);
    expect(a.cancel_initiated_at).not.toBeNull();
    expect((await openai.batches.retrieve(openaiId)).status).toBe('cancelled');

    // The stored rows are cancelled, nothing is left to poll, and no further batch was sent.
    expect(store.listSweepOpenBatches(sweepId)).toEqual([]);
    const db = new Database(dbPath, { readonly: true });
    try {
      const rows = db
        .prepare('SELECT provider, status FROM provider_batches ORDER BY provider')
        .all();
      expect(rows).toEqual([
        { provider: 'anthropic', status: 'cancelled' },
        { provider: 'openai', status: 'cancelled' },
      ]);
    } finally {
      db.close();
    }
    expect(mock.batchStats.created).toEqual({ anthropic: 1, openai: 1 });
    // The 4 queued games are cancelled; the 4 that were running stop as the service stops any
    // running game of a cancelled sweep (paused, 'cancelled by the user').
    const counts = store.countGamesByStatus(sweepId);
    expect([counts.cancelled, counts.paused, counts.running, counts.finished]).toEqual([
      4, 4, 0, 0,
    ]);
    expect(store.getSweep(sweepId)?.status).toBe('cancelled');
    const events = store.eventsSince(0, 10_000).filter((e) => e.kind === 'provider:batch-cancel');
    expect(events.map((e) => e.payload)).toEqual([
      { cancelled: open.map((b) => b.id), failed: [] },
    ]);
  });
});
