// cost_vs_naive: the cost of a 200-game LLM sweep with prompt caching and batch execution over
// the same sweep with neither, both from the recorded call ledger at registry prices (Claude
// Sonnet 4 against GPT-4.1, served by the mock on 127.0.0.1 through the official SDKs).
// The naive figure prices the online run's recorded tokens as if nothing were cached: every
// prompt token (uncached, cache write and cache read) at the input price, no batch discount.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LlmSpec, ParticipantSpec } from '../../src-shared/participant';
import type { SweepInput } from '../../src-shared/sweep';
import { startMockLlm, type MockLlm } from '../mock-llm/server';
import { costUsd } from '../providers/pricing';
import { shippedRegistry } from '../registry/registry';
import { openStore } from '../store/store';
import type { CallRow, Store } from '../store/types';
import { runAgainstMock } from './mock-sweep';
import type { BenchResult } from './types';

const MODELS = ['claude-sonnet-4-20250514', 'gpt-4.1-2025-04-14'] as const;
const TARGET = 0.35;

function registryModel(id: string, mock: MockLlm): LlmSpec {
  const spec = shippedRegistry().find((m) => m.spec.id === id)?.spec;
  if (!spec || spec.kind !== 'llm' || !spec.prices)
    throw new Error(`cost bench: registry model ${id} with prices is missing`);
  return { ...spec, baseUrl: spec.provider === 'anthropic' ? mock.url : mock.openaiBaseUrl };
}

export function costSweep(participants: ParticipantSpec[], batch: boolean): SweepInput {
  return {
    name: 'bench: cost vs naive',
    game: { kind: 'item-allocation', params: { items: 5 } },
    rounds: 6,
    discussionTurns: 1,
    participants,
    capabilityMetric: 'arena_elo',
    lineup: { mode: 'baseline', baseline: MODELS[0], opponents: [MODELS[1]] },
    competition: { levels: [0, 0.25, 0.5, 0.75, 1] },
    orders: 'both',
    runs: { count: 20, baseSeed: 1 },
    concurrency: 200,
    ...(batch ? { batch: { tickSeconds: 0.05, pollSeconds: 0.02 } } : {}),
  };
}

/** Play `batch`'s variant of the sweep on its own mock and store; returns the recorded calls. */
async function play(dir: string, batch: boolean): Promise<{ calls: CallRow[]; games: number }> {
  const mock = await startMockLlm();
  const store: Store = openStore(join(dir, batch ? 'batch.db' : 'naive.db'));
  try {
    const doc = costSweep(
      MODELS.map((id) => registryModel(id, mock)),
      batch,
    );
    const { sweepId } = await runAgainstMock(store, doc, { maxConcurrency: 32 });
    const games = store.listGames({ sweepId });
    const unfinished = games.filter((g) => g.status !== 'finished');
    if (unfinished.length > 0)
      throw new Error(`cost bench: ${unfinished.length} games did not finish`);
    return { calls: games.flatMap((g) => store.listCalls(g.id)), games: games.length };
  } finally {
    store.close();
    await mock.close();
  }
}

/** A call's tokens at the model's online prices with nothing cached. */
function uncachedCost(c: CallRow, prices: Map<string, LlmSpec['prices']>): number {
  return costUsd(c.provider as LlmSpec['provider'], prices.get(c.model), {
    inputTokens: c.inputTokens + c.cacheWriteTokens + c.cacheReadTokens,
    cacheWriteTokens: 0,
    cacheReadTokens: 0,
    outputTokens: c.outputTokens,
    reasoningTokens: c.reasoningTokens,
  });
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const round = (x: number, d: number) => Number(x.toFixed(d));

export async function costVsNaive(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cost-bench-'));
  try {
    const prices = new Map(
      shippedRegistry().flatMap((m) =>
        m.spec.kind === 'llm' ? [[m.spec.model, m.spec.prices]] : [],
      ),
    );
    const naive = await play(dir, false);
    const optimized = await play(dir, true);
    const naiveUsd = sum(naive.calls.map((c) => uncachedCost(c, prices)));
    const cachedOnlineUsd = sum(naive.calls.map((c) => c.costUsd));
    const optimizedUsd = sum(optimized.calls.map((c) => c.costUsd));
    const ratio = optimizedUsd / naiveUsd;
    const prompt = (calls: CallRow[]) =>
      sum(calls.map((c) => c.inputTokens + c.cacheWriteTokens + c.cacheReadTokens));
    return {
      name: 'cost_vs_naive',
      value: round(ratio, 4),
      unit: 'x naive cost',
      target: `<= ${TARGET}`,
      pass: ratio <= TARGET && naive.games === 200 && optimized.games === 200,
      detail: {
        games: naive.games,
        models: MODELS,
        naive_usd: round(naiveUsd, 4),
        caching_only_usd: round(cachedOnlineUsd, 4),
        caching_and_batch_usd: round(optimizedUsd, 4),
        calls_naive: naive.calls.length,
        calls_batch: optimized.calls.length,
        cache_read_share_batch: round(
          sum(optimized.calls.map((c) => c.cacheReadTokens)) / prompt(optimized.calls),
          4,
        ),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
