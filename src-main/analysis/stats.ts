// Descriptive statistics for per-cell summaries (DESIGN 9): mean, sample SD, seeded percentile
// bootstrap confidence intervals, the Gini coefficient, and the "mean [lo, hi]" text form.
import { createRng } from '../../games/rng';

/** A list of values: an array, or the typed array a streamed cell keeps them in. */
export type Numbers = readonly number[] | Float64Array;

/** Arithmetic mean; NaN for an empty list (callers that can see n = 0 use `summarize`). */
export function mean(values: Numbers): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (denominator n - 1); null when n < 2, where it is undefined. */
export function sampleSd(values: Numbers): number | null {
  const n = values.length;
  if (n < 2) return null;
  const m = mean(values);
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/**
 * Quantile of sorted data by linear interpolation between order statistics (Hyndman and Fan
 * type 7, the default of R and numpy): position h = (n - 1) p.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface BootstrapOptions {
  /** Two-sided coverage, default 0.95. */
  level?: number;
  /** Number of resamples, default 2000. */
  resamples?: number;
  /** PRNG seed; the same values and seed always give the same interval. */
  seed: number;
  /** Statistic of a resample, default the mean. */
  statistic?: (sample: readonly number[]) => number;
}

/**
 * Percentile bootstrap interval: resample the values with replacement `resamples` times, take
 * the statistic of each resample and report its (1 - level)/2 and (1 + level)/2 quantiles
 * (type 7). n = 1 gives [x, x]; n = 0 gives [null, null].
 */
export function bootstrapCI(
  values: Numbers,
  options: BootstrapOptions,
): [number | null, number | null] {
  const { level = 0.95, resamples = 2000, seed, statistic = mean } = options;
  const n = values.length;
  if (n === 0) return [null, null];
  if (n === 1) {
    const s = statistic([values[0]]);
    return [s, s];
  }
  if (!(level > 0 && level < 1))
    throw new RangeError(`bootstrap level must be in (0, 1), got ${level}`);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`bootstrap resamples must be a positive integer, got ${resamples}`);
  }
  const rng = createRng(seed);
  const stats = new Float64Array(resamples);
  if (statistic === mean) {
    // The mean without materialising each resample: the same draws, summed in the same order,
    // so the same floating-point result as mean(sample), at a fraction of the time.
    const data = Float64Array.from(values);
    for (let b = 0; b < resamples; b++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += data[Math.floor(rng.next() * n)];
      stats[b] = sum / n;
    }
  } else {
    const sample = new Array<number>(n);
    for (let b = 0; b < resamples; b++) {
      for (let i = 0; i < n; i++) sample[i] = values[Math.floor(rng.next() * n)];
      stats[b] = statistic(sample);
    }
  }
  stats.sort();
  const sorted = Array.from(stats);
  const alpha = (1 - level) / 2;
  return [quantileSorted(sorted, alpha), quantileSorted(sorted, 1 - alpha)];
}

export interface Summary {
  n: number;
  mean: number | null;
  sd: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** n, mean, sample SD and 95% percentile bootstrap CI of the mean (2000 resamples, seeded). */
export function summarize(values: readonly number[], seed: number): Summary {
  if (values.length === 0) return { n: 0, mean: null, sd: null, ciLow: null, ciHigh: null };
  const [ciLow, ciHigh] = bootstrapCI(values, { seed });
  return { n: values.length, mean: mean(values), sd: sampleSd(values), ciLow, ciHigh };
}

/**
 * Gini coefficient G = sum_i sum_j |x_i - x_j| / (2 n^2 mean): 0 for equal shares,
 * (n - 1)/n when one holder has everything. Null for an empty list, a non-positive total, or
 * any negative value (the index is not defined for negative holdings, e.g. co-funding losses).
 */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0 || values.some((v) => v < 0)) return null;
  const total = values.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  let absDiff = 0;
  for (const a of values) for (const b of values) absDiff += Math.abs(a - b);
  return absDiff / (2 * n * total);
}

/** "0.42 [0.31, 0.55]"; "n/a" for a missing mean, and the bare mean when the CI is missing. */
export function formatCI(
  value: number | null,
  lo: number | null,
  hi: number | null,
  digits = 2,
): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const f = (x: number) => x.toFixed(digits);
  if (lo === null || hi === null) return f(value);
  return `${f(value)} [${f(lo)}, ${f(hi)}]`;
}
