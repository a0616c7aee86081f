import { describe, expect, it } from 'vitest';
import { SWEEP_LIMITS } from '../../src-shared/sweep-limits';
import { issuesOf, small } from './sweep-test-helpers';

const llm = { id: 'm', kind: 'llm', provider: 'openai', model: 'x', scores: { capability: 0.5 } };
const withLlm = (extra: Record<string, unknown>) => ({
  ...small(),
  participants: [...(small().participants as object[]), { ...llm, ...extra }],
});

/** A value nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { x: v };
  return v;
}

describe('union fields name the element at fault', () => {
  it.each([
    [
      { competition: { levels: [0.1, 0.2, 1.5] } },
      'competition.levels[2]',
      'must be between 0 and 1',
    ],
    [{ competition: { levels: [0.1], rho: [0] } }, 'competition', 'unknown field "rho"'],
    [{ competition: 5 }, 'competition', 'must be an object (got a number)'],
    [
      { competition: {} },
      'competition',
      'must be an object with "levels" or an object with "rho" and "theta" or an object with "alpha" and "sigma" or an object with "incentives"',
    ],
    [{ competition: { rho: [2], theta: [0.5] } }, 'competition.rho[0]', 'must be between -1 and 1'],
    [{ runs: { count: 0 } }, 'runs.count', 'Too small: expected number to be >=1'],
    [{ runs: { seeds: [1, -2] } }, 'runs.seeds[1]', 'Too small: expected number to be >=0'],
    [{ runs: 'x' }, 'runs', 'must be an object (got a string)'],
    [
      { orders: ['weak_first', 'x'] },
      'orders[1]',
      'must be one of "weak_first", "strong_first", "random"',
    ],
    [{ orders: 'sideways' }, 'orders', 'must be "both" or an array (got a string)'],
  ])('%j', (overrides, path, message) => {
    expect(issuesOf({ ...small(), ...overrides })).toEqual([{ path, message }]);
  });

  it('names the phase of a per-phase maxTokens, or says what maxTokens may be', () => {
    expect(issuesOf(withLlm({ maxTokens: { discussion: -1 } }))).toEqual([
      {
        path: 'participants[3].maxTokens.discussion',
        message: 'Too small: expected number to be >0',
      },
    ]);
    expect(issuesOf(withLlm({ maxTokens: 'lots' }))).toEqual([
      {
        path: 'participants[3].maxTokens',
        message: 'must be a number or an object (got a string)',
      },
    ]);
    expect(issuesOf(withLlm({ maxTokens: { speech: 3 } }))).toEqual([
      { path: 'participants[3].maxTokens', message: 'unknown field "speech"' },
    ]);
  });
});

describe('document limits', () => {
  it('refuses nesting 5,000 levels deep in game.params with the path where it gets too deep', () => {
    const doc = small({
      game: { kind: 'item-allocation', params: { items: 4, deep: nested(5_000) } },
    });
    expect(issuesOf(doc)).toEqual([
      {
        path: `game.params.deep${'.x'.repeat(SWEEP_LIMITS.maxDepth - 3)}`,
        message: 'nested more than 32 levels deep; a sweep document needs only a few levels',
      },
    ]);
  });

  it('refuses too many values and too long strings', () => {
    expect(issuesOf({ ...small(), description: 'x'.repeat(100_001) })).toEqual([
      {
        path: 'description',
        message: 'text of 100,001 characters is longer than the limit of 100,000',
      },
    ]);
    expect(
      issuesOf({ ...small(), runs: { seeds: Array.from({ length: 600_000 }, (_, i) => i) } }),
    ).toEqual([
      {
        path: '(root)',
        message: 'the document has more than 500,000 values; a sweep lists its axes, not its games',
      },
    ]);
  });

  it('counts the grid without building it and refuses more games than the cap', () => {
    const opponents = Array.from({ length: 10 }, (_, i) => `o${i}`);
    const doc = {
      ...small(),
      participants: [...opponents, 'ref'].map((id, i) => ({
        id,
        kind: 'strategy',
        strategy: 'linear',
        scores: { capability: i / 10 },
      })),
      lineup: { mode: 'baseline', baseline: 'ref', opponents },
      competition: { levels: Array.from({ length: 100 }, (_, i) => i / 99) },
      runs: { count: 6_000 },
    };
    const started = performance.now();
    expect(issuesOf(doc)).toEqual([
      {
        path: '(root)',
        message:
          'the sweep plans 12,000,000 games (10 line-ups x 100 cells x 2 orders x 6,000 runs), more than the cap of 200,000 games per sweep; split it into smaller sweeps, or raise the cap with "maxGames": 12000000 in the document',
      },
    ]);
    expect(performance.now() - started).toBeLessThan(1_000);
    // 40 players at 12 seats with self-play: 40 C(50, 11) = 1,494,149,552,000 line-ups, never listed.
    const crossplay = {
      ...small(),
      agents: 12,
      lineup: {
        mode: 'crossplay',
        players: Array.from({ length: 40 }, (_, i) => `p${i}`),
        includeSelfPlay: true,
      },
      maxGames: 1_000,
    };
    expect(issuesOf(crossplay).map((i) => i.path)).toEqual(['maxGames']);
    expect(issuesOf(crossplay)[0].message).toBe(
      'the sweep plans 17,929,794,624,000 games (1,494,149,552,000 line-ups x 2 cells x 2 orders x 3 runs), more than the cap of 1,000 games per sweep; split it into smaller sweeps, or raise the cap with "maxGames": 17929794624000 in the document',
    );
  });
});
