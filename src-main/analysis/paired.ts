// Paired statistics for run-vs-run comparison: the mean of paired differences B - A, its seeded
// percentile bootstrap CI (stats.ts), and a two-sided sign-flip permutation test of mean 0.
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

export interface PairedSummary {
  n: number;
  /** Mean of B - A; null without pairs. */
  meanDiff: number | null;
  /** 95% percentile bootstrap CI of the mean difference (2000 resamples, seeded). */
  ciLow: number | null;
  ciHigh: number | null;
  test: SignFlipResult;
}

/** n, mean difference, its bootstrap CI and the sign-flip p-value, all seeded by `seed`. */
export function pairedSummary(diffs: readonly number[], seed: number): PairedSummary {
  if (diffs.length === 0)
    return { n: 0, meanDiff: null, ciLow: null, ciHigh: null, test: signFlipTest(diffs, seed) };
  const [ciLow, ciHigh] = bootstrapCI(diffs, { seed });
  return {
    n: diffs.length,
    meanDiff: mean(diffs),
    ciLow,
    ciHigh,
    test: signFlipTest(diffs, seed),
  };
}
