// Faults over real HTTP: 20% mixed faults (429, 500, timeout, reset, garbage) and a provider
// outage (the mock server stops mid-sweep and comes back on the same port).
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { progressLine } from '../../src-main/cli/progress';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import type { SweepProgress } from '../../src-main/sweeps/service';
import { openStore } from '../../src-main/store/store';
import type { Store } from '../../src-main/store/types';
import { expectedTurnKeys, llmSweep, runLlmSweep, sumCalls } from './llm-helpers';
import { tempDir } from './cli-helpers';

let mocks: MockLlm[] = [];
let store: Store | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  store?.close();
  for (const m of mocks) await m.close();
  mocks = [];
  cleanup?.();
});

function open(): Store {
  const t = tempDir('parley-llm-faults-');
  cleanup = t.cleanup;
  store = openStore(join(t.dir, 'parley.db'));
  return store;
}

const fastRetries = {
  client: { timeoutMs: 400 },
  scheduler: {
    baseDelayMs: 10,
    maxDelayMs: 100,
    maxConcurrency: 6,
    offlineAfterFailures: 8,
    probeIntervalMs: 100,
  },
};

describe('LLM sweep under faults', () => {
  it('20% mixed faults: every game finishes, no turn lost or duplicated, totals equal the sum over calls', async () => {
    const mock = await startMockLlm({
      faultRate: 0.2,
      seed: 7,
      retryAfterSec: 0.02,
      timeoutHoldMs: 1500,
    });
    mocks.push(mock);
    const s = open();
    const run = await runLlmSweep(s, llmSweep(mock.url), fastRetries);
    const games = s.listGames({ sweepId: run.sweepId });
    expect(games.map((g) => g.status)).toEqual(new Array(8).fill('finished'));
    for (const fault of ['429', '500', 'timeout', 'reset', 'garbage'])
      expect(mock.stats.byFault[fault] ?? 0).toBeGreaterThan(0);
    for (const g of games) {
      const turns = s.getTranscript(g.id);
      expect(turns.map((t) => t.seq)).toEqual(turns.map((_, i) => i));
      const { expected, actual } = expectedTurnKeys(turns, 2, 1, g.outcome!.round, 3);
      expect(actual).toEqual(expected);
    }
    const calls = games.flatMap((g) => s.listCalls(g.id));
    const errors = calls.filter((c) => c.status === 'error');
    expect(new Set(errors.map((c) => c.errorKind))).toEqual(
      new Set(['rate_limit', 'server', 'timeout', 'network']),
    );
    expect(calls.filter((c) => c.status === 'sent')).toEqual([]);
    // Every HTTP request the mock saw for a completion is one recorded call.
    expect(calls.length).toBe(
      mock.stats.byRoute['POST /v1/messages'] + mock.stats.byRoute['POST /v1/chat/completions'],
    );
    const totals = s.callTotals({ sweepId: run.sweepId });
    const summed = sumCalls(
      s,
      games.map((g) => g.id),
    );
    expect({ ...totals, costUsd: Number(totals.costUsd.toFixed(9)) }).toEqual({
      ...summed,
      costUsd: Number(summed.costUsd.toFixed(9)),
      byStatus: { sent: 0, ok: calls.length - errors.length, error: errors.length },
    });
  });

  it('outage: games pause while the provider is down and resume by themselves when it returns; none fail', async () => {
    let mock = await startMockLlm({ latencyMs: 5 });
    mocks.push(mock);
    const port = mock.port;
    const s = open();
    let isRestarted = false;
    const waiting: SweepProgress[] = [];
    const doc = llmSweep(mock.url, { concurrency: 8 });
    const run = await runLlmSweep(
      s,
      doc,
      {
        ...fastRetries,
        scheduler: { ...fastRetries.scheduler, offlineAfterFailures: 3, probeIntervalMs: 150 },
      },
      (r) => {
        r.service.on('progress', (p) => {
          if (p.counts.running === 0 && p.counts.paused > 0) waiting.push(p);
        });
        let stopping = false;
        r.service.on('turn', () => {
          // After some turns, stop the server; bring it back once games have paused.
          if (stopping || s.callTotals({ sweepId: r.sweepId }).calls < 30) return;
          stopping = true;
          void mock.close();
        });
        r.service.on('game', (e) => {
          if (e.status !== 'paused' || isRestarted) return;
          isRestarted = true;
          setTimeout(() => {
            void startMockLlm({ port, latencyMs: 5 }).then((m) => {
              mock = m;
              mocks.push(m);
            });
          }, 400);
        });
      },
    );
    expect(isRestarted).toBe(true);
    // While every game waited for the provider, progress said so instead of an ETA.
    expect(waiting.length).toBeGreaterThan(0);
    for (const p of waiting) {
      expect(p.etaSec).toBeNull();
      expect(p.pausedBecause).toMatch(
        /^offline: (anthropic|openai) is offline \(3 consecutive failures, last: network: .+\); the game resumes when a probe succeeds$/,
      );
      expect(progressLine(p)).toContain(`| paused, ${p.pausedBecause}`);
      expect(progressLine(p)).not.toContain('ETA');
    }
    const games = s.listGames({ sweepId: run.sweepId });
    expect(games.map((g) => g.status)).toEqual(new Array(8).fill('finished'));
    const paused = run.gameEvents.filter((e) => e.status === 'paused').map((e) => e.gameId);
    expect(paused.length).toBeGreaterThan(0);
    expect(run.gameEvents.some((e) => e.status === 'failed')).toBe(false);
    // Each paused game was played again after the probe found the provider back.
    for (const id of new Set(paused)) {
      const events = run.gameEvents.filter((e) => e.gameId === id).map((e) => e.status);
      expect(events.slice(events.indexOf('paused'))).toContain('running');
      expect(events[events.length - 1]).toBe('finished');
    }
    const statuses = run.providerEvents.map((e) => `${e.provider}:${e.status}`);
    expect(statuses).toContain('anthropic:offline');
    expect(statuses).toContain('anthropic:online');
    const logged = s
      .eventsSince(0)
      .filter((e) => e.kind === 'provider:status')
      .map((e) => (e.payload as { status: string }).status);
    expect(logged).toContain('offline');
    expect(logged[logged.length - 1]).toBe('online');
    for (const g of games) {
      const { expected, actual } = expectedTurnKeys(s.getTurns(g.id), 2, 1, g.outcome!.round, 3);
      expect(actual).toEqual(expected);
    }
  });
});
