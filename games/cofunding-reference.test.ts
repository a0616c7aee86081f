// The closed-form co-funding references against hand-computed cases and a brute force over every
// whole-money pledge matrix (over-pledges included), scored by the game's own utilities.
import { describe, expect, it } from 'vitest';
import { cofunding, cofundingUtilities, type CofundingPrefs } from './cofunding';
import { cofundingReference } from './cofunding-reference';
import { createRng } from './rng';

/** Costs 20, 30, 10, budgets 25 each, values [50,30,20] and [10,60,30]. */
const HAND: CofundingPrefs[] = [
  { values: [50, 30, 20], budget: 25, costs: [20, 30, 10] },
  { values: [10, 60, 30], budget: 25, costs: [20, 30, 10] },
];

describe('co-funding exact reference (two agents)', () => {
  it('solves a three-project instance by hand', () => {
    // Affordable subsets (combined budget 50), P = agent 1's share in [max(0, C - 25), min(25, C)]:
    //   {A} C 20: u = (50 - P, 10 - 20 + P), P in [0, 20]; best split P = 20: (30, 10), 300
    //   {B} C 30: (30 - P, 30 + P), P in [5, 25]: P = 5 gives (25, 35), 875
    //   {C} C 10: (20 - P, 20 + P), P in [0, 10]: P = 0 gives (20, 20), 400
    //   {A,B} C 50: (80 - P, 20 + P), P = 25 only: (55, 45), 2475, welfare 100
    //   {A,C} C 30: (70 - P, 10 + P), P in [5, 25]: P = 25 gives (45, 35), 1575
    //   {B,C} C 40: (50 - P, 50 + P), P in [15, 25]: P = 15 gives (35, 65), 2275, welfare 100
    //   {A,B,C} C 60 > 50: unaffordable.
    const ref = cofundingReference(HAND)!;
    expect(ref.nbs).toEqual({ product: 2475, points: [[55, 45]] });
    // Welfare 100 is reached by {B,C} first (subsets are visited with later projects first).
    expect(ref.maxWelfare).toEqual({ value: 100, utilities: [35, 65] });
    expect(ref.isParetoOptimal([55, 45])).toBe(true);
    expect(ref.isParetoOptimal([35, 65])).toBe(true);
    expect(ref.isParetoOptimal([45, 35])).toBe(false); // {A,B} gives (55, 45)
    expect(ref.isParetoOptimal([54, 45])).toBe(false);
    // From (25, 35): {A,B} gives min(30, 10) = 10; {B,C} at P = 15 gives min(10, 30) = 10.
    expect(ref.paretoGap([25, 35])).toBe(10);
    expect(ref.paretoGap([0, 0])).toBe(45);
    expect(ref.paretoGap([55, 45])).toBe(0);
    expect(cofundingReference([HAND[0], HAND[1], HAND[0]])).toBeNull();
  });

  it('keeps both integer splits when the equal split falls between them', () => {
    // One project, cost 3, values 10 and 10, budgets 3: u = (10 - P, 7 + P); the product peaks
    // at P = 1.5, so P = 1 (9, 8) and P = 2 (8, 9) tie at 72.
    const ref = cofundingReference([
      { values: [10], budget: 3, costs: [3] },
      { values: [10], budget: 3, costs: [3] },
    ])!;
    expect(ref.nbs).toEqual({
      product: 72,
      points: [
        [9, 8],
        [8, 9],
      ],
    });
  });

  it('has no NBS when no outcome gives both agents a positive utility', () => {
    const ref = cofundingReference([
      { values: [10], budget: 20, costs: [20] },
      { values: [0], budget: 20, costs: [20] },
    ])!;
    expect(ref.nbs).toBeNull();
    expect(ref.maxWelfare).toEqual({ value: 0, utilities: [0, 0] });
    expect(ref.isParetoOptimal([0, 0])).toBe(true);
  });

  it('matches a brute force over every pledge matrix on seeded small instances', () => {
    const rng = createRng('cofunding-reference');
    for (let trial = 0; trial < 25; trial++) {
      const m = 3;
      const costs = Array.from({ length: m }, () => rng.int(1, 5));
      const prefs: CofundingPrefs[] = [0, 1].map(() => ({
        values: Array.from({ length: m }, () => rng.int(0, 9)),
        budget: 0,
        costs,
      }));
      prefs[0].budget = rng.int(1, 7);
      prefs[1].budget = rng.int(1, 7);
      // Rows up to cost + 1 per project (over-pledges too), within the agent's own budget.
      const rows = (budget: number): number[][] => {
        let out: number[][] = [[]];
        for (const c of costs)
          out = out.flatMap((r) => Array.from({ length: c + 2 }, (_, v) => [...r, v]));
        return out.filter((r) => r.reduce((s, v) => s + v, 0) <= budget);
      };
      const points: number[][] = [];
      for (const r1 of rows(prefs[0].budget))
        for (const r2 of rows(prefs[1].budget)) points.push(cofundingUtilities(prefs, [r1, r2]));
      const ref = cofundingReference(prefs)!;
      const products = points.filter(([x, y]) => x > 0 && y > 0).map(([x, y]) => x * y);
      const best = products.length > 0 ? Math.max(...products) : null;
      expect(ref.nbs?.product ?? null).toBe(best);
      if (ref.nbs) {
        const tied = points.filter(([x, y]) => x > 0 && y > 0 && x * y === best);
        expect(new Set(ref.nbs.points.map(String))).toEqual(new Set(tied.map(String)));
      }
      expect(ref.maxWelfare.value).toBe(Math.max(...points.map(([x, y]) => x + y)));
      expect(points.map(String)).toContain(String(ref.maxWelfare.utilities));
      const dominates = (o: number[], u: number[]) =>
        o[0] >= u[0] && o[1] >= u[1] && (o[0] > u[0] || o[1] > u[1]);
      for (const u of points.filter((_, i) => i % 7 === 0)) {
        expect(ref.isParetoOptimal(u)).toBe(!points.some((o) => dominates(o, u)));
        const gap = Math.max(0, ...points.map((o) => Math.min(o[0] - u[0], o[1] - u[1])));
        expect(ref.paretoGap(u)).toBe(gap);
      }
    }
  });

  // Five projects are enumerated; sixteen go through the knapsack table over (cost, V1).
  it.each([
    [{}, 30],
    [{ projects: 16 }, 3],
    [{ projects: 16, costMin: 1, costMax: 8 }, 3],
  ])('matches every whole split of every subset (params %j)', (params, seeds) => {
    for (let seed = 1; seed <= seeds; seed++) {
      const instance = cofunding.create(cofunding.paramsSchema.parse(params), 2, seed);
      const prefs = instance.preferences;
      const { costs, budget } = prefs[0];
      let product = 0;
      let welfare = 0;
      for (let mask = 0; mask < 2 ** costs.length; mask++) {
        const inS = (k: number) => (mask & (1 << k)) !== 0;
        const sum = (xs: number[]) => xs.reduce((s, x, k) => s + (inS(k) ? x : 0), 0);
        const [c, v1, v2] = [sum(costs), sum(prefs[0].values), sum(prefs[1].values)];
        for (let p = Math.max(0, c - budget); p <= Math.min(budget, c); p++) {
          const [x, y] = [v1 - p, v2 - (c - p)];
          if (x > 0 && y > 0) product = Math.max(product, x * y);
          welfare = Math.max(welfare, x + y);
        }
      }
      const ref = cofunding.exactReference!(instance)!;
      expect(ref.nbs?.product ?? 0).toBe(product);
      expect(ref.maxWelfare.value).toBe(welfare);
      for (const point of ref.nbs?.points ?? []) expect(ref.isParetoOptimal(point)).toBe(true);
    }
  });
});
