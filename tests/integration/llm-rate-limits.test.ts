// Concurrency that follows the providers' rate-limit headers, through the official SDKs against
// the mock on 127.0.0.1: it rises above its start while the window has room and falls when the
// window runs low; and waiting calls of the oldest game go first.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
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

function open(): Store {
  const t = tempDir('parley-ratelimit-');
  cleanups.push(t.cleanup);
  const s = openStore(join(t.dir, 'parley.db'));
  stores.push(s);
  return s;
}

const oneKey = {
  ...testKeys,
  get: () => Promise.resolve({ key: ANTHROPIC_KEY, source: 'env' as const }),
};
const roomy = { requests: 10_000, tokens: 100_000_000, windowMs: 60_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('concurrency from rate-limit headers', () => {
  it('rises while the window has room and falls when it runs low', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY, latencyMs: 40, rateLimit: roomy });
    const s = open();
    const doc = llmSweep(mock.url, { runs: { count: 4, baseSeed: 3 }, concurrency: 16 });
    const phases: { inFlight: number; limit: number }[][] = [[], [], []];
    let phase = -1;
    const run = await runLlmSweep(
      s,
      doc,
      { keys: oneKey, scheduler: { maxConcurrency: 2 } },
      (r) => {
        const timer = setInterval(() => {
          const a = r.runtime.statuses().find((x) => x.endpoint.startsWith('anthropic|'));
          if (a && phase >= 0) phases[phase].push({ inFlight: a.inFlight, limit: a.concurrency });
        }, 2);
        void (async () => {
          phase = 0;
          await sleep(400);
          phase = -1;
          // Two requests per 300 ms: the next answers say 1, then 0 left.
          mock!.setRateLimit({ requests: 2, tokens: 100_000_000, windowMs: 300 });
          await sleep(200);
          phase = 1;
          await sleep(600);
          phase = 2;
          mock!.setRateLimit(roomy);
          await sleep(300);
          phase = -1;
          clearInterval(timer);
        })();
      },
    );
    const max = (p: { inFlight: number }[]) => Math.max(...p.map((x) => x.inFlight));
    expect(s.listGames({ sweepId: run.sweepId }).every((g) => g.status === 'finished')).toBe(true);
    // Started at 2, raised by the headers.
    expect(max(phases[0])).toBeGreaterThan(2);
    expect(Math.max(...phases[0].map((x) => x.limit))).toBeGreaterThan(2);
    // The window ran low: one call at a time at most.
    expect(phases[1].length).toBeGreaterThan(50);
    expect(max(phases[1])).toBeLessThanOrEqual(1);
    expect(new Set(phases[1].map((x) => x.limit))).toEqual(new Set([1]));
    // Room again: raised again.
    expect(max(phases[2])).toBeGreaterThan(1);
    // Concurrency changes timing only, never a game.
    const online = open();
    mock.setRateLimit(null);
    await runLlmSweep(online, doc, { keys: oneKey });
    expect(byPlan(s.path)).toEqual(byPlan(online.path));
  });

  it('serves the oldest running game first', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY, latencyMs: 5 });
    const s = open();
    const base = llmSweep(mock.url, { runs: { count: 2, baseSeed: 5 }, concurrency: 8 });
    const claude = base.participants![0];
    // Both seats on one Anthropic endpoint, one call at a time: the queue order decides which
    // game moves.
    const doc = {
      ...base,
      participants: [claude, { ...claude, id: 'mock-claude-b', model: 'mock-claude-2' }],
      lineup: { mode: 'baseline' as const, baseline: 'mock-claude', opponents: ['mock-claude-b'] },
    };
    const run = await runLlmSweep(s, doc, { keys: oneKey, scheduler: { maxConcurrency: 1 } });
    const games = s.listGames({ sweepId: run.sweepId });
    const calls = games.flatMap((g) => s.listCalls(g.id)).sort((a, b) => a.id - b.id);
    const gameAt = calls.map((c) => c.gameId);
    const oldest = gameAt[0];
    const own = gameAt.filter((g) => g === oldest).length;
    const last = gameAt.lastIndexOf(oldest);
    // All eight games were playing at once (each had started before the first one finished)...
    const firstEnd = run.gameEvents.findIndex((e) => e.status === 'finished');
    const started = run.gameEvents.slice(0, firstEnd).filter((e) => e.status === 'running');
    expect(new Set(started.map((e) => e.gameId)).size).toBe(8);
    expect(run.gameEvents[firstEnd].gameId).toBe(oldest);
    // ...yet between two calls of the oldest game at most one other call went out (the one in
    // flight while it prepared its next): whenever it waited, it was next.
    expect(last + 1).toBeLessThanOrEqual(2 * own);
  });
});
