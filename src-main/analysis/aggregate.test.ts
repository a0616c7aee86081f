import { describe, expect, it } from 'vitest';
import { byRank, coalitionCheck, orderEffects, scalingFits } from './aggregate';
import { fitLinear } from './regression';

describe('orderEffects', () => {
  it('pairs games by cell and seed', () => {
    const rows = [
      { cell: 'A', seed: 1, order: 'weak_first', u: 0.6 },
      { cell: 'A', seed: 1, order: 'strong_first', u: 0.4 },
      { cell: 'A', seed: 2, order: 'strong_first', u: 0.5 },
      { cell: 'A', seed: 2, order: 'weak_first', u: 0.5 },
      { cell: 'B', seed: 1, order: 'weak_first', u: 0.7 },
      { cell: 'B', seed: 1, order: 'strong_first', u: 0.3 },
      { cell: 'B', seed: 2, order: 'weak_first', u: 0.9 },
      { cell: 'B', seed: 3, order: 'random', u: 0.1 },
    ];
    const e = orderEffects(rows, { metric: 'u', cell: ['cell'], seed: 4 });
    // Differences weak - strong: 0.2, 0, 0.4; mean 0.2, sample SD 0.2.
    expect(e.nPairs).toBe(3);
    expect(e.meanDifference).toBeCloseTo(0.2, 14);
    expect(e.sd).toBeCloseTo(0.2, 14);
    expect(e.unpaired).toBe(1);
    expect(e.ciLow).toBeGreaterThanOrEqual(0);
    expect(e.ciHigh).toBeLessThanOrEqual(0.4 + 1e-12);
    expect(() =>
      orderEffects([...rows, rows[0]], { metric: 'u', cell: ['cell'], seed: 4 }),
    ).toThrow('two weak_first games share cell and seed ["A",1]');
  });
});

describe('scalingFits', () => {
  it('fits per level, pooled, and a saturated interaction model that reproduces both lines', () => {
    const xs = [1, 2, 3, 4, 5];
    const noise = [0.1, -0.2, 0.05, 0.15, -0.1];
    const rows = [
      ...xs.map((x, i) => ({ cap: x, comp: 0, u: 1 + 2 * x + noise[i] })),
      ...xs.map((x, i) => ({ cap: x, comp: 1, u: 3 + 0.5 * x - noise[i] })),
      { cap: null, comp: 1, u: 4 },
    ];
    const s = scalingFits(rows, { x: 'cap', y: 'u', by: 'comp' });
    const line0 = fitLinear(
      xs,
      xs.map((x, i) => 1 + 2 * x + noise[i]),
    );
    const line1 = fitLinear(
      xs,
      xs.map((x, i) => 3 + 0.5 * x - noise[i]),
    );
    expect(s.levels.map((l) => [l.level, l.n])).toEqual([
      [0, 5],
      [1, 5],
    ]);
    expect(s.levels[0].fit).toEqual(line0);
    expect(s.levels[1].fit).toEqual(line1);
    expect(s.pooled.n).toBe(10);
    // With two levels, y ~ cap + comp + cap:comp gives intercept a0, slope b0, comp a1 - a0 and cap:comp b1 - b0.
    const coef = Object.fromEntries(
      (s.interaction?.coefficients ?? []).map((c) => [c.name, c.estimate]),
    );
    expect(coef['(Intercept)']).toBeCloseTo(line0.intercept, 12);
    expect(coef.cap).toBeCloseTo(line0.slope, 12);
    expect(coef.comp).toBeCloseTo(line1.intercept - line0.intercept, 12);
    expect(coef['cap:comp']).toBeCloseTo(line1.slope - line0.slope, 12);
  });

  it('reports a level it cannot fit instead of failing the rest', () => {
    const rows = [
      { cap: 1, comp: 0, u: 1 },
      { cap: 2, comp: 0, u: 2 },
      { cap: 1, comp: 1, u: 1 },
      { cap: 2, comp: 1, u: 3 },
      { cap: 3, comp: 1, u: 4 },
    ];
    const s = scalingFits(rows, { x: 'cap', y: 'u', by: 'comp' });
    expect(s.levels[0]).toEqual({
      level: 0,
      n: 2,
      fit: null,
      error: 'a line with intervals needs at least 3 points, got 2',
    });
    expect(s.levels[1].fit?.slope).toBeCloseTo(1.5, 14);
  });
});

describe('n > 2 views', () => {
  const games = [
    { capabilities: [3, 1, 2], utilities: [50, 20, 30] },
    { capabilities: [1, 2, 3], utilities: [40, 30, 30] },
    { capabilities: [2, 2, 1], utilities: [10, 10, 80] },
  ];

  it('accrues utility by capability rank', () => {
    const ranks = byRank(games.slice(0, 2), { seed: 1 });
    // Ranks (weakest first): game 1 gives 20, 30, 50; game 2 gives 40, 30, 30.
    expect(ranks.map((r) => [r.rank, r.n, r.mean])).toEqual([
      [0, 2, 30],
      [1, 2, 30],
      [2, 2, 40],
    ]);
    // Shares: (0.2 + 0.4)/2, (0.3 + 0.3)/2, (0.5 + 0.3)/2.
    [0.3, 0.3, 0.4].forEach((share, rank) => expect(ranks[rank].meanShare).toBeCloseTo(share, 14));
  });

  it('counts games where the weaker agents together out-earn the strongest', () => {
    // Game 1: top 50 vs rest 50 (not more); game 2: top 30 vs rest 70 (more); game 3: tied top, skipped.
    const c = coalitionCheck(games, { seed: 1 });
    expect(c).toMatchObject({
      nGames: 2,
      skipped: 1,
      count: 1,
      fraction: 0.5,
      ciLow: 0,
      ciHigh: 1,
    });
  });
});
