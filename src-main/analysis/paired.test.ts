import { describe, expect, it } from 'vitest';
import { MONTE_CARLO_DRAWS, pairedSummary, signFlipTest } from './paired';
import { bootstrapCI } from './stats';

/** Every one of the 2^n sign assignments, counted the slow and obvious way. */
function bruteForceP(d: number[]): number {
  const observed = Math.abs(d.reduce((s, v) => s + v, 0));
  let hits = 0;
  for (let mask = 0; mask < 2 ** d.length; mask++) {
    const sum = d.reduce((s, v, i) => s + (mask & (1 << i) ? -v : v), 0);
    if (Math.abs(sum) >= observed - 1e-9) hits++;
  }
  return hits / 2 ** d.length;
}

describe('sign-flip permutation test', () => {
  it('matches p-values computed by hand for small n', () => {
    // d = 1, 2, 3: sums of +-1 +-2 +-3 are 6 4 2 0 0 -2 -4 -6; |sum| >= 6 twice in 8.
    expect(signFlipTest([1, 2, 3], 1)).toEqual({ p: 0.25, method: 'exact', assignments: 8 });
    // d = 1, -1, 2, 3 (sum 5): +-1 +-1 gives 2, 0, 0, -2; +-2 +-3 gives 5, 1, -1, -5.
    // |sum| >= 5: (2, 5), (0, 5) twice, (0, -5) twice, (-2, -5): 6 of 16.
    expect(signFlipTest([1, -1, 2, 3], 1)).toEqual({ p: 0.375, method: 'exact', assignments: 16 });
    // Ten equal differences: only all-plus and all-minus reach |10|: 2 / 1024.
    expect(signFlipTest(Array(10).fill(1), 1)).toEqual({
      p: 2 / 1024,
      method: 'exact',
      assignments: 1024,
    });
    // Zero differences cannot be more extreme than anything: p = 1.
    expect(signFlipTest([0, 0, 1], 1).p).toBe(1);
    expect(signFlipTest([0], 1)).toEqual({ p: 1, method: 'exact', assignments: 2 });
    expect(signFlipTest([], 1)).toEqual({ p: null, method: 'none', assignments: 0 });
  });

  it('treats sums equal up to rounding as ties', () => {
    // 0.1 + 0.2 - 0.3 style rounding must not drop the observed assignment itself.
    expect(signFlipTest([0.1, 0.2, -0.3], 1).p).toBe(1);
    expect(signFlipTest([0.1, 0.2, 0.3], 1).p).toBe(0.25);
  });

  it('agrees with brute-force enumeration up to the exact limit', () => {
    const d = [0.5, -1.25, 2, 0.75, -0.25, 1.5, 3, -2, 0.125, 1, -0.5, 2.5, 0.25, 1.75, -1, 0.5];
    for (const n of [5, 9, 12, 16]) {
      const r = signFlipTest(d.slice(0, n), 1);
      expect(r.method).toBe('exact');
      expect(r.p).toBeCloseTo(bruteForceP(d.slice(0, n)), 12);
    }
  });

  it('draws a seeded Monte Carlo sample above 16 pairs and states the count', () => {
    // 20 equal differences: the exact p is 2 / 2^20; no draw reaches it, so p = 1 / (1 + draws).
    expect(signFlipTest(Array(20).fill(1), 3)).toEqual({
      p: 1 / (1 + MONTE_CARLO_DRAWS),
      method: 'monte-carlo',
      assignments: MONTE_CARLO_DRAWS,
    });
    // Symmetric data: every assignment is at least as extreme as sum 0, so p = 1 exactly.
    const sym = [...Array(10).fill(1), ...Array(10).fill(-1)];
    expect(signFlipTest(sym, 3).p).toBe(1);
    // The same seed gives the same p; the Monte Carlo p is near the exact one.
    const d = Array.from({ length: 18 }, (_, i) => ((i * 7) % 5) - 1.5);
    expect(signFlipTest(d, 9).p).toBe(signFlipTest(d, 9).p);
    expect(Math.abs((signFlipTest(d, 9).p ?? 0) - bruteForceP(d))).toBeLessThan(0.02);
  });
});

describe('paired summary', () => {
  it('reports n, the mean difference, its seeded bootstrap CI and the test', () => {
    const diffs = [1, 2, 3];
    const [lo, hi] = bootstrapCI(diffs, { seed: 5 });
    expect(pairedSummary(diffs, 5)).toEqual({
      n: 3,
      meanDiff: 2,
      ciLow: lo,
      ciHigh: hi,
      test: { p: 0.25, method: 'exact', assignments: 8 },
    });
    expect(lo).toBeGreaterThanOrEqual(1);
    expect(hi).toBeLessThanOrEqual(3);
    // Constant differences: every resample has mean 2, so the interval is [2, 2].
    expect(pairedSummary([2, 2, 2, 2], 5)).toMatchObject({ meanDiff: 2, ciLow: 2, ciHigh: 2 });
    expect(pairedSummary([], 5)).toEqual({
      n: 0,
      meanDiff: null,
      ciLow: null,
      ciHigh: null,
      test: { p: null, method: 'none', assignments: 0 },
    });
  });
});
