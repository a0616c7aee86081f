// Chaos: the fault proxy (tests/integration/fault-proxy.ts, independent of `parley mock-llm`'s
// own faults) breaks 20% of the completions in transit, every way it knows (truncated, empty,
// HTML pages, closed mid-body, wrong content type or shape, reset), in front of the mock's
// fault-free responder. Every game finishes, none fails, and the transcripts equal a run
// without faults.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { openStore } from '../../src-main/store/store';
import type { SweepInput } from '../../src-shared/sweep';
import { tempDir } from './cli-helpers';
import { TRANSPORT_FAULTS, startFaultProxy, type FaultProxy } from './fault-proxy';
import { byPlan, llmSweep, runLlmSweep } from './llm-helpers';

const tmp = tempDir('parley-chaos-');
let mock: MockLlm | undefined;
let proxy: FaultProxy | undefined;
afterAll(async () => {
  await proxy?.close();
  await mock?.close();
  tmp.cleanup();
});

const fast = {
  client: { timeoutMs: 3000 },
  scheduler: {
    baseDelayMs: 2,
    maxDelayMs: 20,
    maxConcurrency: 6,
    offlineAfterFailures: 8,
    probeIntervalMs: 30,
  },
};
/** 4 games of 3 rounds across both wire formats. */
const small: Partial<SweepInput> = { runs: { count: 1, baseSeed: 17 }, concurrency: 4 };

async function run(url: string, file: string) {
  const store = openStore(file);
  try {
    const r = await runLlmSweep(store, llmSweep(url, small), fast);
    return {
      statuses: store.listGames({ sweepId: r.sweepId }).map((g) => g.status),
      failedEvents: r.gameEvents.filter((e) => e.status === 'failed').length,
      calls: store.listGames({ sweepId: r.sweepId }).flatMap((g) => store.listCalls(g.id)),
    };
  } finally {
    store.close();
  }
}

describe('chaos: 20% transport faults', () => {
  it('every game finishes with the turns of a fault-free run', async () => {
    mock = await startMockLlm();
    proxy = await startFaultProxy({ upstream: mock.url, rate: 0.2, seed: 5 });
    const cleanDb = join(tmp.dir, 'clean.db');
    const chaosDb = join(tmp.dir, 'chaos.db');
    const clean = await run(mock.url, cleanDb);
    // Each fault once up front (so every kind is seen), then 20% at random.
    proxy.inject(...TRANSPORT_FAULTS);
    const started = Date.now();
    const chaos = await run(proxy.url, chaosDb);
    const seconds = (Date.now() - started) / 1000;

    expect(clean.statuses).toEqual(['finished', 'finished', 'finished', 'finished']);
    expect(chaos.statuses).toEqual(clean.statuses);
    expect(chaos.failedEvents).toBe(0);
    expect(byPlan(chaosDb)).toEqual(byPlan(cleanDb));

    // Every fault happened; each broken reply is one recorded, retried error of a transport kind.
    for (const fault of TRANSPORT_FAULTS)
      expect(proxy.stats.byFault[fault] ?? 0).toBeGreaterThan(0);
    const injected = Object.values(proxy.stats.byFault).reduce((a, b) => a + b, 0);
    const errors = chaos.calls.filter((c) => c.status === 'error');
    expect(errors).toHaveLength(injected);
    expect(new Set(errors.map((c) => c.errorKind))).toEqual(
      new Set(['bad_response', 'network', 'server']),
    );
    expect(chaos.calls.filter((c) => c.status === 'sent')).toEqual([]);
    // The answers that got through are the fault-free run's answers, one per call.
    expect(chaos.calls.filter((c) => c.status === 'ok')).toHaveLength(clean.calls.length);
    expect(injected / chaos.calls.length).toBeGreaterThan(0.15);
    expect(seconds).toBeLessThan(30);
  });
});
