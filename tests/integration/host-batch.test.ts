// A batch sweep through the long-lived host (`parley serve`, the desktop engine): the stored
// sweep's `batch` setting reaches its provider runtime, the calls go as provider batches, and
// the runs monitor hears of the batches in flight over the contract's provider:status events.
import { join } from 'node:path';
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

describe('host: batch sweeps', () => {
  it('runs a stored batch sweep through the batch APIs and reports its batches', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY, batchDelayMs: 20 });
    const t = tempDir('parley-host-batch-');
    cleanup = t.cleanup;
    const vault: KeyVault = {
      status: () => Promise.resolve({ status: 'set', source: 'keychain', detail: null }),
      set: () => Promise.resolve(),
      test: () => Promise.resolve({ status: 'works', source: 'keychain', detail: null }),
    };
    engine = openEngine({
      dbPath: join(t.dir, 'parley.db'),
      mode: 'web',
      keys: vault,
      keySource: {
        allowedHosts: () => ['127.0.0.1'],
        get: () => Promise.resolve({ key: ANTHROPIC_KEY, source: 'keychain' }),
      },
    });
    const { service, store, host } = engine;
    const events: { event: string; payload: unknown }[] = [];
    host.subscribe((message) => events.push(message));
    const doc = llmSweep(mock.url, { batch: { tickSeconds: 0.03, pollSeconds: 0.02 } });
    const created = (await host.handle('sweeps:create', { doc })) as CreateResult;
    await service.start(created.sweepId);

    const games = store.listGames({ sweepId: created.sweepId });
    expect(games.map((g) => g.status)).toEqual(new Array(8).fill('finished'));
    const calls = games.flatMap((g) => store.listCalls(g.id));
    expect(calls.every((c) => c.status === 'ok')).toBe(true);
    expect(mock.batchStats.requests).toBe(calls.length);
    expect(mock.stats.byRoute['POST /v1/messages'] ?? 0).toBe(0);
    const batchEvents = events
      .filter((e) => e.event === 'provider:status')
      .map((e) => e.payload as { provider: string; status: string; detail: string | null })
      .filter((e) => e.status === 'batch');
    expect(new Set(batchEvents.map((e) => e.provider))).toEqual(
      new Set(['anthropic batch', 'openai batch']),
    );
    expect(
      batchEvents.some((e) =>
        /^mock-claude-1: 1 batch in flight \(4 requests\)/.test(e.detail ?? ''),
      ),
    ).toBe(true);
    // The last word on each endpoint: nothing left in flight.
    const last = (p: string) => batchEvents.filter((e) => e.provider === p).at(-1)?.detail;
    expect(last('anthropic batch')).toBe(
      'mock-claude-1: 0 batches in flight (0 requests), 0 collecting',
    );
    expect(last('openai batch')).toBe('mock-gpt-1: 0 batches in flight (0 requests), 0 collecting');
  });
});
