import { describe, expect, it } from 'vitest';
import { MONTE_CARLO_DRAWS, pairedSummary, signFlipTest, wilcoxonSignedRank } from './paired';
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

describe('Wilcoxon signed-rank test', () => {
  it('is exact for small n, counted by hand', () => {
    // Ranks 1 2 3 4, W+ = 1 + 2 + 3 = 6. Subset sums of {1..4} over 16 assignments:
    // W+ >= 6 for 6 7 7 8 9 10 ... = 7 of 16, so p = 2 * 7/16.
    expect(wilcoxonSignedRank([1, 2, 3, -4])).toEqual({
      p: 0.875,
      method: 'exact',
      wPlus: 6,
      n: 4,
    });
    // Every difference positive: only the all-plus assignment reaches W+ = 15, p = 2/32.
    expect(wilcoxonSignedRank([5, 4, 3, 2, 1])).toEqual({
      p: 0.0625,
      method: 'exact',
      wPlus: 15,
      n: 5,
    });
    // Ties and a zero: the 0 is dropped; |1|, |1| share rank 1.5. Doubled ranks 3 3 6 8, W+ = 6
    // (doubled 12). Subset sums 0 3 3 6 6 9 9 12 8 11 11 14 14 17 17 20: 6 of 16 are >= 12.
    expect(wilcoxonSignedRank([1, 0, 1, 2, -3])).toEqual({
      p: 0.75,
      method: 'exact',
      wPlus: 6,
      n: 4,
    });
    expect(wilcoxonSignedRank([0, 0])).toEqual({ p: null, method: 'none', wPlus: null, n: 0 });
  });

  it('uses the normal approximation with the ties correction for large n', () => {
    // Same four differences as above, forced onto the normal approximation: mean 5, variance
    // 4*5*9/24 - (2^3 - 2)/48 = 7.375, z = (6 - 5 - 0.5) / sqrt(7.375) = 0.18411,
    // p = 2 (1 - Phi(z)) = 0.853923 (scipy.stats.wilcoxon agrees).
    const small = wilcoxonSignedRank([1, 0, 1, 2, -3], 0);
    expect(small).toMatchObject({ method: 'normal', wPlus: 6, n: 4 });
    expect(small.p).toBeCloseTo(0.8539233, 6);
    // 30 differences, six each of -1.5 0.5 2.5 -0.5 1.5: |d| groups of 12, 12, 6 with ranks
    // 6.5, 18.5, 27.5; W+ = 6 (6.5 + 18.5 + 27.5) = 315; mean 232.5; variance
    // 30*31*61/24 - (2 (12^3 - 12) + 6^3 - 6)/48 = 2287.875; z = 82 / 47.8317 = 1.71434.
    const d = Array.from({ length: 30 }, (_, i) => ((i * 7) % 5) - 1.5);
    const large = wilcoxonSignedRank(d);
    expect(large).toMatchObject({ method: 'normal', wPlus: 315, n: 30 });
    expect(large.p).toBeCloseTo(0.0864658, 6);
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
      wilcoxon: { p: 0.25, method: 'exact', wPlus: 6, n: 3 },
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
      wilcoxon: { p: null, method: 'none', wPlus: null, n: 0 },
    });
  });
});
