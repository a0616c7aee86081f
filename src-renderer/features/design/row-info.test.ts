import { describe, expect, it } from 'vitest';
import type { ModelView } from '../../../src-shared/contract';
import { metricChoices, rowInfo } from './row-info';
import { rowKey, strategyRow } from './form-model';

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

describe('designer participant info', () => {
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
});
