// The ledger counts a call sent without a recorded answer (its runner was killed mid-call) at
// its estimated cost, and a resumed run's budget starts from that total, so the cap holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LlmSpec } from '../../src-shared/participant';
import { estimateCostUsd } from '../agents/llm/llm-agent';
import { AgentPausedError } from '../engine/agent';
import { samplePlannedGame } from '../store/fixtures';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { LlmRuntime } from './runtime';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-ledger-'));
  store = openStore(join(dir, 'parley.db'));
  store.upsertSweep({ id: 's1', name: 'ledger', spec: {} });
  store.insertPlannedGames('s1', [samplePlannedGame('g1')]);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const spec: LlmSpec = {
  id: 'priced',
  kind: 'llm',
  provider: 'anthropic',
  model: 'm',
  scores: {},
  prices: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 },
};

describe('ledger of unanswered calls', () => {
  it('counts them at the estimate from the measured request and the output limit', () => {
    // 300 characters of prompt = 100 input tokens; an output limit of 512 tokens.
    const request = {
      system: 's'.repeat(200),
      messages: [{ role: 'user' as const, content: 'u'.repeat(100) }],
      maxTokens: 512,
    };
    const estimate = estimateCostUsd(spec, request);
    expect(estimate).toBeCloseTo((100 * 3 + 512 * 15) / 1e6, 12);

    const sent = {
      gameId: 'g1',
      round: 1,
      phase: 'discussion' as const,
      agent: 0,
      attempt: 0,
      provider: 'anthropic',
      model: 'm',
      requestHash: 'h',
    };
    const answered = store.recordCallSent({ ...sent, estimatedCostUsd: estimate });
    store.recordCallAnswered(answered, {
      status: 'ok',
      usage: {
        inputTokens: 100,
        cacheWriteTokens: 0,
        cacheReadTokens: 0,
        outputTokens: 40,
        reasoningTokens: 0,
        costUsd: (100 * 3 + 40 * 15) / 1e6,
      },
      latencyMs: 5,
    });
    // Two calls whose runner died before they were answered.
    store.recordCallSent({ ...sent, agent: 1, estimatedCostUsd: estimate });
    store.recordCallSent({ ...sent, round: 2, estimatedCostUsd: estimate });
    const totals = store.callTotals({ sweepId: 's1' });
    expect(totals.byStatus).toEqual({ sent: 2, ok: 1, error: 0 });
    expect(totals.estimatedUsd).toBeCloseTo(2 * estimate, 12);
    expect(totals.costUsd).toBeCloseTo((100 * 3 + 40 * 15) / 1e6 + 2 * estimate, 12);

    // A resumed run's budget starts from the ledger: the cap leaves room for one more call.
    const cap = totals.costUsd + estimate * 1.5;
    const runtime = new LlmRuntime({
      store,
      keys: { get: () => Promise.resolve(null) },
      sweepId: 's1',
      budgetUsd: cap,
    });
    expect(runtime.budget!.spentUsd).toBeCloseTo(totals.costUsd, 12);
    const first = runtime.budget!.reserve(estimate);
    expect(() => runtime.budget!.reserve(estimate)).toThrow(AgentPausedError);
    first.settle(0);
    runtime.dispose();
  });
});
