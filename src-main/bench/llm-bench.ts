// LLM benchmarks against the mock provider on 127.0.0.1 (its own process for the makespan), through the real SDKs, provider runtime,
// sweep service and SQLite store:
// - sweep_makespan_ratio: 200 games at 100 ms per call; wall time over the ideal makespan
//   max(critical path of the longest game, total calls x latency / provider concurrency).
// - cache_read_share: share of prompt tokens read from the (simulated) Anthropic prompt cache
//   over one 10-round game of two agents.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { SweepInput } from '../../src-shared/sweep';
import { startMockLlm, type MockLlm } from '../mock-llm/server';
import { openStore } from '../store/store';
import type { CallRow } from '../store/types';
import { runAgainstMock } from './mock-sweep';
import type { BenchResult } from './types';

const LATENCY_MS = 100;
const PROVIDER_CONCURRENCY = 16;
const GAME_CONCURRENCY = 48;

function mockModel(id: string, url: string, capability: number): ParticipantSpec {
  return {
    id,
    kind: 'llm',
    provider: 'anthropic',
    model: id,
    baseUrl: url,
    scores: { capability },
    prices: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 },
  };
}

/** Sequential call steps of a game: discussion calls one after another, other phases per agent in parallel. */
export function criticalPathSteps(calls: readonly CallRow[]): number {
  const discussion = calls.filter((c) => c.phase === 'discussion').length;
  const perAgentPhase = new Map<string, number>();
  for (const c of calls) {
    if (c.phase === 'discussion') continue;
    const key = `${c.round}/${c.phase}/${c.agent}`;
    perAgentPhase.set(key, (perAgentPhase.get(key) ?? 0) + 1);
  }
  const perPhase = new Map<string, number>();
  for (const [key, n] of perAgentPhase) {
    const phase = key.slice(0, key.lastIndexOf('/'));
    perPhase.set(phase, Math.max(perPhase.get(phase) ?? 0, n));
  }
  return discussion + [...perPhase.values()].reduce((a, b) => a + b, 0);
}

async function withMock<T>(
  latencyMs: number,
  fn: (mock: MockLlm, dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-llm-bench-'));
  const mock = await startMockLlm({ latencyMs });
  try {
    return await fn(mock, dir);
  } finally {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `parley mock-llm` in its own process, as a real provider would be: its request handling then
 * does not queue behind the engine's on the same event loop. Resolves with its base URL.
 */
async function withMockProcess<T>(
  latencyMs: number,
  fn: (url: string, dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-llm-bench-'));
  const bin = fileURLToPath(new URL('../../bin/parley.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [bin, 'mock-llm', '--port', '0', '--latency', String(latencyMs)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error('mock-llm did not start within 30 s')),
        30_000,
      );
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`mock-llm exited with ${code}`)));
    });
    return await fn(url, dir);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function sweepMakespanRatio(): Promise<BenchResult> {
  return withMockProcess(LATENCY_MS, async (url, dir) => {
    const store = openStore(join(dir, 'bench.db'));
    try {
      const doc: SweepInput = {
        name: 'bench: llm makespan',
        game: { kind: 'item-allocation', params: { items: 5 } },
        rounds: 4,
        discussionTurns: 1,
        participants: [mockModel('mock-a', url, 0.4), mockModel('mock-b', url, 0.6)],
        lineup: { mode: 'baseline', baseline: 'mock-a', opponents: ['mock-b'] },
        competition: { levels: [0, 0.25, 0.5, 0.75, 1] },
        orders: 'both',
        runs: { count: 20, baseSeed: 1 },
        concurrency: GAME_CONCURRENCY,
      };
      const { sweepId, seconds } = await runAgainstMock(store, doc, {
        maxConcurrency: PROVIDER_CONCURRENCY,
      });
      const games = store.listGames({ sweepId });
      const finished = games.filter((g) => g.status === 'finished').length;
      const calls = games.map((g) => store.listCalls(g.id));
      const totalCalls = calls.reduce((n, c) => n + c.length, 0);
      const longestSteps = Math.max(...calls.map(criticalPathSteps));
      const criticalPath = (longestSteps * LATENCY_MS) / 1000;
      const throughputBound = (totalCalls * LATENCY_MS) / 1000 / PROVIDER_CONCURRENCY;
      const ideal = Math.max(criticalPath, throughputBound);
      const ratio = seconds / ideal;
      return {
        name: 'sweep_makespan_ratio',
        value: round(ratio, 3),
        unit: 'x ideal',
        target: '<= 1.10',
        pass: finished === games.length && games.length === 200 && ratio <= 1.1,
        detail: {
          games: games.length,
          finished,
          calls: totalCalls,
          latency_ms: LATENCY_MS,
          provider_concurrency: PROVIDER_CONCURRENCY,
          game_concurrency: GAME_CONCURRENCY,
          wall_s: round(seconds, 2),
          ideal_s: round(ideal, 2),
          critical_path_s: round(criticalPath, 2),
          throughput_bound_s: round(throughputBound, 2),
        },
      };
    } finally {
      store.close();
    }
  });
}

export async function cacheReadShare(): Promise<BenchResult> {
  return withMock(0, async (mock, dir) => {
    const store = openStore(join(dir, 'bench.db'));
    try {
      const doc: SweepInput = {
        name: 'bench: cache read share',
        game: { kind: 'item-allocation', params: { items: 5 } },
        rounds: 10,
        participants: [mockModel('mock-a', mock.url, 0.4), mockModel('mock-b', mock.url, 0.6)],
        lineup: { mode: 'baseline', baseline: 'mock-a', opponents: ['mock-b'] },
        // Identical values: the mock negotiators never agree, so the game lasts all 10 rounds.
        competition: { levels: [1] },
        runs: { count: 1, baseSeed: 1 },
        concurrency: 1,
      };
      const { sweepId } = await runAgainstMock(store, doc, { maxConcurrency: 4 });
      const [game] = store.listGames({ sweepId });
      const t = store.callTotals({ sweepId });
      const prompt = t.inputTokens + t.cacheWriteTokens + t.cacheReadTokens;
      const share = t.cacheReadTokens / prompt;
      const rounds = game.outcome?.round ?? (game.status === 'finished' ? 10 : null);
      return {
        name: 'cache_read_share',
        value: round(share, 4),
        unit: 'share of prompt tokens',
        target: '>= 0.85',
        pass: game.status === 'finished' && rounds === 10 && share >= 0.85,
        detail: {
          rounds_played: rounds,
          deal: game.outcome?.deal ?? null,
          calls: t.calls,
          prompt_tokens: prompt,
          cache_read_tokens: t.cacheReadTokens,
          cache_write_tokens: t.cacheWriteTokens,
          uncached_input_tokens: t.inputTokens,
          cost_usd: round(t.costUsd, 4),
        },
      };
    } finally {
      store.close();
    }
  });
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
