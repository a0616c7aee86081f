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

  it('adds a local server by its base URL, and drops one that is cleared', () => {
    const draft = {
      ...draftOf(null),
      id: 'llama',
      provider: 'local',
      model: 'llama3.1:8b',
      baseUrl: ' http://127.0.0.1:11434/v1 ',
    };
    expect(draftToSpec(draft, undefined).spec).toEqual({
      id: 'llama',
      kind: 'llm',
      provider: 'local',
      model: 'llama3.1:8b',
      baseUrl: 'http://127.0.0.1:11434/v1',
      scores: {},
    });
    const cleared = { ...draft, baseUrl: '' };
    expect(draftToSpec(cleared, { baseUrl: 'http://old:1/v1' }).spec).not.toHaveProperty('baseUrl');
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
