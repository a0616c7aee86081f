// Paired statistics for run-vs-run comparison: the mean of paired differences B - A, its seeded
// percentile bootstrap CI (stats.ts), a two-sided sign-flip permutation test of mean 0 and a
// two-sided Wilcoxon signed-rank test of median 0.
import { createRng } from '../../games/rng';
import { bootstrapCI, mean } from './stats';

/** Up to this many pairs the sign-flip test enumerates all 2^n sign assignments. */
export const EXACT_MAX_PAIRS = 16;
/** Above EXACT_MAX_PAIRS the test draws this many random sign assignments (seeded). */
export const MONTE_CARLO_DRAWS = 10_000;

export interface SignFlipResult {
  /** Two-sided p-value; null without pairs. */
  p: number | null;
  method: 'exact' | 'monte-carlo' | 'none';
  /** Sign assignments counted: 2^n (exact) or the number of draws (Monte Carlo). */
  assignments: number;
}

/**
 * Sign-flip permutation test of H0 "the differences are symmetric about 0", statistic |sum d|.
 * Exact: p = #{s in {-1,1}^n : |sum s_i d_i| >= |sum d_i|} / 2^n, enumerated in Gray-code
 * order (one sign changes per step). Monte Carlo: p = (1 + hits) / (1 + draws), which never
 * reports 0 for a finite sample. Ties use a relative tolerance of 1e-9, so floating-point
 * rounding in the sums does not decide whether an assignment is as extreme as the data.
 */
export function signFlipTest(diffs: readonly number[], seed: number): SignFlipResult {
  const n = diffs.length;
  if (n === 0) return { p: null, method: 'none', assignments: 0 };
  let observed = 0;
  let scale = 0;
  for (const d of diffs) {
    observed += d;
    scale += Math.abs(d);
  }
  const threshold = Math.abs(observed) - 1e-9 * Math.max(scale, 1);
  if (n <= EXACT_MAX_PAIRS) {
    const total = 2 ** n;
    const signs = new Int8Array(n).fill(1);
    let sum = observed;
    let hits = Math.abs(sum) >= threshold ? 1 : 0;
    for (let k = 1; k < total; k++) {
      // The bit that changes between Gray codes k - 1 and k is the lowest set bit of k.
      const i = 31 - Math.clz32(k & -k);
      sum -= 2 * signs[i] * diffs[i];
      signs[i] = -signs[i];
      if (Math.abs(sum) >= threshold) hits++;
    }
    return { p: hits / total, method: 'exact', assignments: total };
  }
  const rng = createRng(seed);
  let hits = 0;
  // Each uniform draw carries 32 random bits (rng.ts); one bit per sign is 32 times fewer draws.
  let bits = 0;
  for (let b = 0; b < MONTE_CARLO_DRAWS; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const k = i & 31;
      if (k === 0) bits = (rng.next() * 4294967296) >>> 0;
      sum += (bits >>> k) & 1 ? -diffs[i] : diffs[i];
    }
    if (Math.abs(sum) >= threshold) hits++;
  }
  return {
    p: (1 + hits) / (1 + MONTE_CARLO_DRAWS),
    method: 'monte-carlo',
    assignments: MONTE_CARLO_DRAWS,
  };
}

/** Up to this many non-zero differences the Wilcoxon test uses its exact distribution. */
export const WILCOXON_EXACT_MAX = 25;

export interface WilcoxonResult {
  /** Two-sided p-value; null when every difference is 0 (or there are none). */
  p: number | null;
  method: 'exact' | 'normal' | 'none';
  /** Sum of the ranks of the positive differences (average ranks for ties). */
  wPlus: number | null;
  /** Non-zero differences ranked (zeros are dropped, Wilcoxon's convention). */
  n: number;
}

/** Standard normal upper tail P(Z >= z) (erfc of Numerical Recipes, relative error < 1.2e-7). */
function normalUpper(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * Wilcoxon signed-rank test of H0 "the differences are symmetric about 0". Zero differences are
 * dropped; |d| is ranked with average ranks for ties (equal within a relative 1e-9). Exact (up to
 * WILCOXON_EXACT_MAX non-zero differences): the distribution of W+ over the 2^n sign assignments
 * of the observed ranks, counted on doubled ranks (integers, so ties stay exact);
 * p = min(1, 2 min(P(W+ <= w), P(W+ >= w))). Normal approximation otherwise: mean n(n+1)/4,
 * variance n(n+1)(2n+1)/24 - sum(t^3 - t)/48 over tie groups, continuity correction 0.5.
 */
export function wilcoxonSignedRank(
  diffs: readonly number[],
  exactMax = WILCOXON_EXACT_MAX,
): WilcoxonResult {
  const scale = diffs.reduce((s, d) => Math.max(s, Math.abs(d)), 0);
  const tol = 1e-9 * Math.max(scale, 1);
  const nz = diffs.filter((d) => Math.abs(d) > tol).sort((a, b) => Math.abs(a) - Math.abs(b));
  const n = nz.length;
  if (n === 0) return { p: null, method: 'none', wPlus: null, n: 0 };
  // Doubled average ranks: a tie group over positions i..j (1-based) has rank (i + j) / 2.
  const ranks2 = new Array<number>(n);
  const ties: number[] = [];
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && Math.abs(nz[j + 1]) - Math.abs(nz[i]) <= tol) j++;
    for (let k = i; k <= j; k++) ranks2[k] = i + j + 2;
    if (j > i) ties.push(j - i + 1);
    i = j + 1;
  }
  let w2 = 0;
  nz.forEach((d, k) => {
    if (d > 0) w2 += ranks2[k];
  });
  const wPlus = w2 / 2;
  if (n <= exactMax) {
    const max = n * (n + 1);
    // counts[s]: sign assignments whose doubled W+ is s.
    let counts = new Float64Array(max + 1);
    counts[0] = 1;
    for (const r of ranks2) {
      const next = new Float64Array(max + 1);
      for (let s = 0; s <= max; s++) {
        if (counts[s] === 0) continue;
        next[s] += counts[s];
        next[s + r] += counts[s];
      }
      counts = next;
    }
    let below = 0;
    let above = 0;
    for (let s = 0; s <= max; s++) {
      if (s <= w2) below += counts[s];
      if (s >= w2) above += counts[s];
    }
    const total = 2 ** n;
    return { p: Math.min(1, (2 * Math.min(below, above)) / total), method: 'exact', wPlus, n };
  }
  const mu = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - ties.reduce((s, t) => s + t ** 3 - t, 0) / 48;
  if (variance <= 0) return { p: 1, method: 'normal', wPlus, n };
  const dev = Math.max(0, Math.abs(wPlus - mu) - 0.5);
  return { p: Math.min(1, 2 * normalUpper(dev / Math.sqrt(variance))), method: 'normal', wPlus, n };
}

export interface PairedSummary {
  n: number;
  /** Mean of B - A; null without pairs. */
  meanDiff: number | null;
  /** 95% percentile bootstrap CI of the mean difference (2000 resamples, seeded). */
  ciLow: number | null;
  ciHigh: number | null;
  test: SignFlipResult;
  wilcoxon: WilcoxonResult;
}

/** n, mean difference, its bootstrap CI, the sign-flip and Wilcoxon p-values, seeded by `seed`. */
export function pairedSummary(diffs: readonly number[], seed: number): PairedSummary {
  if (diffs.length === 0)
    return {
      n: 0,
      meanDiff: null,
      ciLow: null,
      ciHigh: null,
      test: signFlipTest(diffs, seed),
      wilcoxon: wilcoxonSignedRank(diffs),
    };
  const [ciLow, ciHigh] = bootstrapCI(diffs, { seed });
  return {
    n: diffs.length,
    meanDiff: mean(diffs),
    ciLow,
    ciHigh,
    test: signFlipTest(diffs, seed),
    wilcoxon: wilcoxonSignedRank(diffs),
  };
}
