import { describe, expect, it } from 'vitest';
import { parseRegistryCsv, shippedRegistry } from './registry';

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
});
