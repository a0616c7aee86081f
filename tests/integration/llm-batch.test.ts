// Batch execution end to end: sweeps whose LLM calls go as Anthropic Message Batches and OpenAI
// Batches through the official SDKs against the mock on 127.0.0.1, with partial failures,
// expiry and a restart mid-batch; and the same results, game for game, as an online run.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { SweepInput } from '../../src-shared/sweep';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import type { ProviderName } from '../../src-shared/participant';
import { costUsd, type TokenCounts } from '../../src-main/providers/pricing';
import { openStore } from '../../src-main/store/store';
import type { Store } from '../../src-main/store/types';
import { ANTHROPIC_KEY, byPlan, llmSweep, runLlmSweep, testKeys } from './llm-helpers';
import { tempDir } from './cli-helpers';

let mock: MockLlm | undefined;
const stores: Store[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) s.close();
  await mock?.close();
  for (const c of cleanups.splice(0)) c();
});

function open(file?: string): Store {
  if (!file) {
    const t = tempDir('parley-batch-');
    cleanups.push(t.cleanup);
    file = join(t.dir, 'parley.db');
  }
  const s = openStore(file);
  stores.push(s);
  return s;
}

// The mock checks one key; both providers get it.
const oneKey = {
  ...testKeys,
  get: () => Promise.resolve({ key: ANTHROPIC_KEY, source: 'env' as const }),
};
const fast = { tickSeconds: 0.03, pollSeconds: 0.02 };
const PRICES: Record<string, { inputUsdPerMtok: number; outputUsdPerMtok: number }> = {
  anthropic: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 },
  openai: { inputUsdPerMtok: 2, outputUsdPerMtok: 8 },
};

async function onlineReference(doc: SweepInput): Promise<unknown[]> {
  const s = open();
  await runLlmSweep(s, doc, { keys: oneKey });
  return byPlan(s.path);
}

function allCalls(s: Store, sweepId: string) {
  return s.listGames({ sweepId }).flatMap((g) => s.listCalls(g.id));
}

/** What a recorded call's tokens cost at its model's online prices. */
const price = (c: { provider: string } & TokenCounts) =>
  costUsd(c.provider as ProviderName, PRICES[c.provider], c);

/** Each call's recorded cost is half of what its tokens cost at the model's online prices. */
function expectBatchPrices(s: Store, sweepId: string): void {
  const calls = allCalls(s, sweepId);
  expect(calls.length).toBeGreaterThan(0);
  for (const c of calls) {
    const full = price(c);
    expect(c.costUsd).toBeCloseTo(full * 0.5, 12);
    expect(c.costUsd).toBeGreaterThan(0);
  }
}

describe('batch execution', () => {
  it('plays a sweep through both batch APIs at batch prices, identical to an online run', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY });
    const reference = await onlineReference(llmSweep(mock.url));
    const onlineRequests = mock.stats.requests;
    const s = open();
    const run = await runLlmSweep(s, llmSweep(mock.url, { batch: fast, concurrency: 8 }), {
      keys: oneKey,
    });
    const games = s.listGames({ sweepId: run.sweepId });
    expect(games.map((g) => g.status)).toEqual(new Array(8).fill('finished'));
    expect(byPlan(s.path)).toEqual(reference);
    const calls = allCalls(s, run.sweepId);
    expect(new Set(calls.map((c) => `${c.status}/${c.httpStatus}`))).toEqual(new Set(['ok/200']));
    // Every call went in a batch exactly once, none online.
    const b = mock.batchStats;
    expect(b.requests).toBe(calls.length);
    expect(b.outcomes).toEqual({ succeeded: calls.length });
    const online = mock.stats.requests - onlineRequests;
    const control = b.retrieves + b.results + b.uploads + b.created.anthropic + b.created.openai;
    // OpenAI results are read as files (output file content), Anthropic's from results_url.
    const fileReads = Object.entries(mock.stats.byRoute)
      .filter(([r]) => /^GET \/v1\/files\/.+\/content$/.test(r))
      .reduce((n, [, k]) => n + k, 0);
    expect(online).toBe(control + fileReads);
    expect(b.created.anthropic).toBeGreaterThan(0);
    expect(b.created.openai).toBe(b.uploads);
    expectBatchPrices(s, run.sweepId);
    // Every stored batch is done, each request consumed.
    expect(s.listOpenBatches({ provider: 'anthropic', baseUrl: mock.url })).toEqual([]);
  });

  it('retries errored and expired requests in the next batch', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY });
    const reference = await onlineReference(llmSweep(mock.url));
    mock.injectBatchFault('errored', 3);
    mock.injectBatchFault('expired', 2);
    const s = open();
    const run = await runLlmSweep(s, llmSweep(mock.url, { batch: fast, concurrency: 8 }), {
      keys: oneKey,
    });
    expect(byPlan(s.path)).toEqual(reference);
    const calls = allCalls(s, run.sweepId);
    expect(calls.every((c) => c.status === 'ok')).toBe(true);
    expect(mock.batchStats.outcomes).toEqual({
      succeeded: calls.length,
      errored: 3,
      expired: 2,
    });
    expect(mock.batchStats.requests).toBe(calls.length + 5);
    expectBatchPrices(s, run.sweepId);
  });

  it('retries errored and expired requests alone online with retry "online"', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY });
    const reference = await onlineReference(llmSweep(mock.url));
    const before = { ...mock.stats.byRoute };
    mock.injectBatchFault('errored', 1);
    mock.injectBatchFault('expired', 1);
    const s = open();
    const run = await runLlmSweep(
      s,
      llmSweep(mock.url, { batch: { ...fast, retry: 'online' }, concurrency: 8 }),
      { keys: oneKey },
    );
    expect(byPlan(s.path)).toEqual(reference);
    const calls = allCalls(s, run.sweepId);
    const onlineCalls = ['POST /v1/messages', 'POST /v1/chat/completions'].reduce(
      (n, r) => n + (mock!.stats.byRoute[r] ?? 0) - (before[r] ?? 0),
      0,
    );
    // The first batch's first two requests failed; both were sent once online, at full price.
    expect(onlineCalls).toBe(2);
    expect(mock.batchStats.requests).toBe(calls.length);
    const fullPrice = calls.filter((c) => Math.abs(c.costUsd - price(c)) < 1e-12);
    expect(fullPrice).toHaveLength(2);
  });

  it('sends a sequential phase online when a tick collects fewer than minRequests', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY });
    const reference = await onlineReference(llmSweep(mock.url, { runs: { count: 1 } }));
    const s = open();
    // One game at a time: every tick holds one request, below minRequests 2.
    const run = await runLlmSweep(
      s,
      llmSweep(mock.url, {
        runs: { count: 1 },
        concurrency: 1,
        batch: { ...fast, sequential: 'online' },
      }),
      { keys: oneKey },
    );
    expect(byPlan(s.path)).toEqual(reference);
    expect(mock.batchStats.requests).toBe(0);
    for (const c of allCalls(s, run.sweepId)) expect(c.costUsd).toBeCloseTo(price(c), 12);
  });

  it('polls the stored batch after a restart mid-batch instead of resubmitting', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY });
    const doc = llmSweep(mock.url, { batch: fast, concurrency: 8 });
    const reference = await onlineReference(llmSweep(mock.url));
    mock.setBatchDelay(600);
    const first = open();
    const file = first.path;
    let inFlight: string[] = [];
    await runLlmSweep(first, doc, { keys: oneKey }, (run) => {
      const timer = setInterval(() => {
        const b = mock!.batchStats;
        if (b.created.anthropic + b.created.openai < 2) return;
        clearInterval(timer);
        inFlight = Object.keys(b.byBatch);
        run.service.pause(run.sweepId);
      }, 5);
    });
    // Both first batches were in flight, unanswered, when the process stopped.
    expect(inFlight).toHaveLength(2);
    expect(mock.batchStats.outcomes).toEqual({});
    const created = { ...mock.batchStats.created };
    expect(created).toEqual({ anthropic: 1, openai: 1 });
    const stored = first.listOpenBatches({ provider: 'anthropic', baseUrl: mock.url });
    expect(stored.map((b) => b.id)).toEqual(inFlight.filter((id) => id.startsWith('msgbatch_')));
    expect(stored[0].open).toHaveLength(4);
    first.close();
    stores.splice(0);

    mock.setBatchDelay(0);
    const second = open(file);
    const run = await runLlmSweep(second, doc, { keys: oneKey });
    expect(byPlan(second.path)).toEqual(reference);
    const calls = allCalls(second, run.sweepId).filter((c) => c.status === 'ok');
    // No request went in two batches: the first two batches were polled, not sent again.
    expect(mock.batchStats.requests).toBe(calls.length);
    expect(Object.keys(mock.batchStats.byBatch).slice(0, 2)).toEqual(inFlight);
    // The restarted run's batches came after those two; their requests were answered by polling.
    expect(mock.batchStats.outcomes.succeeded).toBe(calls.length);
    expect(second.listOpenBatches({ provider: 'openai', baseUrl: `${mock.url}/v1` })).toEqual([]);
  });
});
