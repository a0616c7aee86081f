import { describe, expect, it } from 'vitest';
import { draftOf, draftToSpec } from './model-draft';

describe('model form draft', () => {
  it('turns the typed fields into an LLM spec, keeping fields the form does not show', () => {
    const draft = {
      ...draftOf(null),
      id: ' my-gpt ',
      displayName: 'My GPT',
      model: 'gpt-x',
      scores: 'arena_elo = 1250\nmmlu: 81.5',
      priceIn: '0.5',
      priceOut: '1.5',
    };
    expect(
      draftToSpec(draft, {
        temperature: 0.2,
        prices: { inputUsdPerMtok: 9, outputUsdPerMtok: 9, cachedInputUsdPerMtok: 1 },
      }),
    ).toEqual({
      spec: {
        temperature: 0.2,
        id: 'my-gpt',
        kind: 'llm',
        provider: 'openai',
        model: 'gpt-x',
        scores: { arena_elo: 1250, mmlu: 81.5 },
        displayName: 'My GPT',
        prices: { inputUsdPerMtok: 0.5, outputUsdPerMtok: 1.5 },
      },
      issues: [],
    });
  });

  it('names malformed score lines and half-given prices', () => {
    const draft = { ...draftOf(null), id: 'x', model: 'y', scores: 'elo 1200', priceIn: '1' };
    expect(draftToSpec(draft, undefined).issues).toEqual([
      {
        path: 'spec.scores (line 1)',
        message: 'write "name = number", e.g. "arena_elo = 1250"; got "elo 1200"',
      },
      { path: 'spec.prices', message: 'give both the input and the output price, or neither' },
    ]);
  });
});
