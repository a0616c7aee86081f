import { describe, expect, it } from 'vitest';
import { minCacheTokensOf } from './cache-limits';
import type { Store } from '../store/types';
import { parseRegistryCsv, registryResolver, shippedRegistry } from './registry';

describe('model registry', () => {
  it('loads the 42 shipped models with scores, prices and routes from the seed table', () => {
    const models = shippedRegistry();
    expect(models).toHaveLength(42);
    const haiku = models.find((m) => m.spec.id === 'claude-3-haiku-20240307')!;
    expect(haiku.spec).toEqual({
      id: 'claude-3-haiku-20240307',
      kind: 'llm',
      displayName: 'Claude 3 Haiku',
      provider: 'anthropic',
      model: 'claude-3-haiku-20240307',
      scores: { gpqa_diamond: 33.3, mmlu: 75.2, arena_elo: 1200 },
      prices: { inputUsdPerMtok: 0.25, outputUsdPerMtok: 1.25, cachedInputUsdPerMtok: 0.03 },
    });
    expect(haiku.order).toBe(0);
    expect(haiku.family).toBe('Claude 3');
    expect(haiku.sources.length).toBeGreaterThan(0);
    const gemini = models.find((m) => m.spec.id === 'gemini-1.5-pro-002')!;
    expect([gemini.spec.provider, gemini.spec.model, gemini.spec.prices]).toEqual([
      'openrouter',
      'google/gemini-pro-1.5',
      undefined,
    ]);
    const o3 = models.find((m) => m.spec.id === 'o3-2025-04-16')!;
    expect(o3.reasoning).toBe(true);
  });

  it('names the line and column of a bad cell', () => {
    const header = 'id,provider_route,arena_elo\n';
    expect(() => parseRegistryCsv(`${header}m1,openai,1200\nm2,openai,high\n`, 'user')).toThrow(
      'line 3, column "arena_elo": "high" is not a number',
    );
    expect(() => parseRegistryCsv(`${header}m1,acme:x,1200\n`, 'user')).toThrow(
      'line 2, column "provider_route": "acme:x" must start with one of anthropic, openai, openrouter, google, xai, local',
    );
  });

  it("records each model's minimum cacheable prompt length (published rule, or the column)", () => {
    const byId = new Map(shippedRegistry().map((m) => [m.spec.id, m.minCacheTokens]));
    expect(
      [
        'claude-3-haiku-20240307',
        'claude-3-5-haiku-20241022',
        'claude-sonnet-4-5-20250929',
        'claude-opus-4-5-20251101',
        'claude-haiku-4-5-20251001',
        'gpt-3.5-turbo-0125',
        'gpt-4-turbo-2024-04-09',
        'gpt-4o-2024-08-06',
        'o3-2025-04-16',
        'gemini-2.5-pro',
      ].map((id) => [id, byId.get(id)]),
    ).toEqual([
      ['claude-3-haiku-20240307', 2048],
      ['claude-3-5-haiku-20241022', 2048],
      ['claude-sonnet-4-5-20250929', 1024],
      ['claude-opus-4-5-20251101', 4096],
      ['claude-haiku-4-5-20251001', 4096],
      ['gpt-3.5-turbo-0125', null],
      ['gpt-4-turbo-2024-04-09', null],
      ['gpt-4o-2024-08-06', 1024],
      ['o3-2025-04-16', 1024],
      ['gemini-2.5-pro', 1024],
    ]);
    // The shipped table has no such column, so shipped specs (and game ids) are unchanged.
    expect(shippedRegistry().every((m) => m.spec.minCacheTokens === undefined)).toBe(true);
    const [own] = parseRegistryCsv(
      'id,provider_route,min_cache_tokens\nm1,anthropic,512\n',
      'user',
    );
    expect([own.spec.minCacheTokens, own.minCacheTokens, own.spec.scores]).toEqual([512, 512, {}]);
    expect(minCacheTokensOf({ provider: 'openai', model: 'gpt-3.5-turbo-0125' })).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it("reads the store's models only when a sweep first resolves an id, and once", () => {
    let reads = 0;
    const store = {
      listModels: () => {
        reads++;
        return [];
      },
    } as unknown as Store;
    const resolve = registryResolver(store);
    expect(reads).toBe(0);
    expect(resolve('claude-3-haiku-20240307')?.model).toBe('claude-3-haiku-20240307');
    expect(resolve('no-such-model')).toBeUndefined();
    expect(reads).toBe(1);
  });
});
