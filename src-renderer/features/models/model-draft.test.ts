import { describe, expect, it } from 'vitest';
import { defaultModeLabel, draftOf, draftToSpec } from './model-draft';

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

  it('sets structured output, the re-ask budget and the cache minimum, and clears them', () => {
    const draft = {
      ...draftOf(null),
      id: 'claude',
      provider: 'anthropic',
      model: 'claude-x',
      structuredOutput: 'none',
      maxReasks: ' 0 ',
      minCacheTokens: '2048',
    };
    expect(draftToSpec(draft, { temperature: 0 })).toEqual({
      spec: {
        temperature: 0,
        id: 'claude',
        kind: 'llm',
        provider: 'anthropic',
        model: 'claude-x',
        scores: {},
        structuredOutput: 'none',
        maxReasks: 0,
        minCacheTokens: 2048,
      },
      issues: [],
    });
    // Emptied fields fall back to the defaults: the stored values are dropped, not kept.
    const cleared = { ...draft, structuredOutput: '', maxReasks: '', minCacheTokens: '' };
    expect(
      draftToSpec(cleared, { structuredOutput: 'tool', maxReasks: 4, minCacheTokens: 4096 }).spec,
    ).toEqual({ id: 'claude', kind: 'llm', provider: 'anthropic', model: 'claude-x', scores: {} });
  });

  it('reads an edited model back into the form', () => {
    const spec = {
      id: 'g',
      kind: 'llm' as const,
      provider: 'openai' as const,
      model: 'gpt-x',
      scores: {},
      structuredOutput: 'json_schema' as const,
      maxReasks: 3,
      minCacheTokens: 1024,
    };
    const d = draftOf({
      id: 'g',
      displayName: 'g',
      provider: 'openai',
      model: 'gpt-x',
      scores: {},
      prices: null,
      source: 'user',
      spec,
    } as unknown as Parameters<typeof draftOf>[0]);
    expect([d.structuredOutput, d.maxReasks, d.minCacheTokens]).toEqual([
      'json_schema',
      '3',
      '1024',
    ]);
  });

  it('names a mode the provider lacks, and re-ask and cache values out of range, in plain words', () => {
    const base = { ...draftOf(null), id: 'x', model: 'y' };
    const issues = (over: Partial<typeof base>) =>
      draftToSpec({ ...base, ...over }, undefined).issues;
    expect(issues({ provider: 'openai', structuredOutput: 'tool' })).toEqual([
      {
        path: 'spec.structuredOutput',
        message:
          'openai models cannot use "tool"; choose "json_schema" or "none", or the provider default',
      },
    ]);
    expect(issues({ provider: 'anthropic', structuredOutput: 'json_schema' })).toEqual([
      {
        path: 'spec.structuredOutput',
        message:
          'anthropic models cannot use "json_schema"; choose "tool" or "none", or the provider default',
      },
    ]);
    const reasks = (v: string) => ({
      path: 'spec.maxReasks',
      message: `max re-asks must be a whole number from 0 to 10; got "${v}"`,
    });
    expect(issues({ maxReasks: '11' })).toEqual([reasks('11')]);
    expect(issues({ maxReasks: '1.5' })).toEqual([reasks('1.5')]);
    expect(issues({ maxReasks: '-1' })).toEqual([reasks('-1')]);
    expect(issues({ maxReasks: '10' })).toEqual([]);
    const cache = (v: string) => ({
      path: 'spec.minCacheTokens',
      message: `minimum cacheable tokens must be a whole number above 0, e.g. 1024; got "${v}"`,
    });
    expect(issues({ minCacheTokens: '0' })).toEqual([cache('0')]);
    expect(issues({ minCacheTokens: 'lots' })).toEqual([cache('lots')]);
  });

  it('shows each provider its default output mode', () => {
    expect(['anthropic', 'openai', 'openrouter', 'local', 'nope'].map(defaultModeLabel)).toEqual([
      'Provider default (tool)',
      'Provider default (json_schema)',
      'Provider default (none)',
      'Provider default (none)',
      'Provider default',
    ]);
  });
});
