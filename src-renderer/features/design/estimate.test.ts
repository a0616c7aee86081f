import { describe, expect, it } from 'vitest';
import type { ModelView } from '../../../src-shared/contract';
import { estimateCost, metricChoices, rowInfo } from './estimate';
import { defaultForm, rowKey, strategyRow } from './form-model';

const model = (id: string, elo: number | undefined, prices: ModelView['prices']): ModelView => ({
  id,
  source: 'registry',
  kind: 'llm',
  provider: 'openai',
  model: id,
  displayName: id.toUpperCase(),
  scores: elo === undefined ? {} : { arena_elo: elo },
  prices,
  sources: [],
  developer: null,
  reasoning: false,
  spec: { kind: 'llm', id, provider: 'openai', model: id, scores: {} },
});

describe('designer estimate', () => {
  it('places strategy agents by c and registry models by the chosen score', () => {
    const models = [model('m1', 1300, null)];
    expect(rowInfo(strategyRow(0.3, 'opponent'), 'capability', models)).toEqual({
      label: 'Bounded-rational c=0.3',
      kind: 'strategy',
      detail: 'bounded-rational c=0.3',
      score: 0.3,
      prices: null,
    });
    expect(rowInfo(strategyRow(0.3, 'opponent'), 'arena_elo', models).score).toBeNull();
    expect(
      rowInfo(
        { key: rowKey(), source: 'registry', id: 'm1', role: 'opponent' },
        'arena_elo',
        models,
      ),
    ).toEqual({ label: 'M1', kind: 'llm', detail: 'openai/m1', score: 1300, prices: null });
    expect(
      rowInfo(
        { key: rowKey(), source: 'registry', id: 'gone', role: 'opponent' },
        'arena_elo',
        models,
      ),
    ).toEqual({
      label: 'gone',
      kind: 'unknown',
      detail: 'not in the registry',
      score: null,
      prices: null,
    });
    expect(
      metricChoices(
        [model('a', 1, null), { ...model('b', undefined, null), scores: { mmlu: 80 } }],
        'capability',
      ),
    ).toEqual(['capability', 'arena_elo', 'mmlu']);
  });

  it('gives no estimate for strategy agents only', () => {
    expect(estimateCost(defaultForm(), [])).toBeNull();
  });

  it('bounds calls, tokens and cost of LLM seats', () => {
    const models = [
      model('cheap', 1200, { inputUsdPerMtok: 1, outputUsdPerMtok: 2 }),
      model('free', 1100, null),
    ];
    const form = {
      ...defaultForm(),
      rounds: 5,
      discussionTurns: 1,
      levels: [0, 1],
      runs: 3,
      orders: 'both' as const,
      participants: [
        strategyRow(0.5, 'baseline'),
        { key: rowKey(), source: 'registry' as const, id: 'cheap', role: 'opponent' as const },
      ],
    };
    // 2 levels x 2 orders x 3 runs = 12 games; 5 rounds x (1 + 4) calls = 25 calls per game.
    expect(estimateCost(form, models)).toEqual({
      llmSeats: 1,
      calls: 300,
      inputTokens: 600_000,
      outputTokens: 90_000,
      costUsd: 0.78,
    });
    const unpriced = {
      ...form,
      participants: [
        ...form.participants,
        { key: rowKey(), source: 'registry' as const, id: 'free', role: 'opponent' as const },
      ],
    };
    expect(estimateCost(unpriced, models)).toEqual({
      llmSeats: 2,
      calls: 600,
      inputTokens: 1_200_000,
      outputTokens: 180_000,
      costUsd: null,
    });
  });
});
