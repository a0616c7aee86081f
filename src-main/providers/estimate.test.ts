import { describe, expect, it } from 'vitest';
import type { LlmSpec } from '../../src-shared/participant';
import { validateSweepDoc } from '../sweeps/service';
import { estimateSweep } from './estimate';

const llm = (
  id: string,
  provider: 'anthropic' | 'openai',
  prices?: LlmSpec['prices'],
): LlmSpec => ({
  id,
  kind: 'llm',
  provider,
  model: id,
  scores: { capability: id === 'a' ? 0.3 : 0.7 },
  ...(prices ? { prices } : {}),
});

function games(rounds: number, discussionTurns: number, participants: LlmSpec[]) {
  const v = validateSweepDoc({
    name: 'estimate',
    game: { kind: 'item-allocation', params: { items: 5 } },
    rounds,
    discussionTurns,
    participants,
    lineup: { mode: 'baseline', baseline: participants[0].id, opponents: [participants[1].id] },
    competition: { levels: [0.5] },
    runs: { count: 3 },
  });
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.expanded.games;
}

describe('estimateSweep', () => {
  it('counts (discussion passes + 4) calls per seat per round, over all rounds', () => {
    const e = estimateSweep(
      games(4, 2, [
        llm('a', 'anthropic', { inputUsdPerMtok: 3, outputUsdPerMtok: 15 }),
        llm('b', 'openai'),
      ]),
      100,
    );
    expect(e.games).toBe(3);
    expect(e.calls).toBe(3 * 2 * 4 * (2 + 4));
    expect(e.outputTokens).toBe(e.calls * 100);
    expect(e.byModel.map((m) => [m.model, m.calls, m.hasPrices])).toEqual([
      ['a', 72, true],
      ['b', 72, false],
    ]);
    const [a, b] = e.byModel;
    // Without caching every prompt token is billed at the input price; caching is cheaper.
    expect(a.costNoCacheUsd).toBeCloseTo((a.promptTokens * 3 + a.outputTokens * 15) / 1e6, 12);
    expect(a.costCachedUsd).toBeLessThan(a.costNoCacheUsd);
    expect([b.costNoCacheUsd, b.costCachedUsd]).toEqual([0, 0]);
    // Log entries (of 100 + 12 tokens) sent per call, one seat: round 1 sends 0, 2, 2, 3, 5, 7
    // (passes, thinking, proposal, vote, reflection); round 2 sends 9, 11, 11, 12, 14, 16. So two
    // rounds cost 92 - 2 x 19 = 54 entries more than twice one round, in each of the 3 games.
    const two = estimateSweep(games(2, 2, [llm('a', 'anthropic'), llm('b', 'openai')]), 100)
      .byModel[0];
    const one = estimateSweep(games(1, 2, [llm('a', 'anthropic'), llm('b', 'openai')]), 100)
      .byModel[0];
    expect(two.promptTokens - 2 * one.promptTokens).toBe(3 * 54 * 112);
  });
});
