import { describe, expect, it } from 'vitest';
import { bootstrapCI, formatCI, gini, mean, quantileSorted, sampleSd, summarize } from './stats';

describe('mean and sample SD', () => {
  it('match the textbook example [2,4,4,4,5,5,7,9]', () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    // Sum of squared deviations = 9+1+1+1+0+0+4+16 = 32; sample variance 32/7 (population SD is 2).
    expect(sampleSd(xs)).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(sampleSd([3])).toBeNull();
    expect(mean([])).toBeNaN();
  });
});

describe('quantileSorted', () => {
  it('interpolates linearly between order statistics (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 14); // h = 3 x 0.25 = 0.75
    expect(quantileSorted([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 14); // h = 2.925
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });
});

describe('bootstrapCI', () => {
  it('handles n = 0, n = 1 and constant data exactly', () => {
    expect(bootstrapCI([], { seed: 1 })).toEqual([null, null]);
    expect(bootstrapCI([0.37], { seed: 1 })).toEqual([0.37, 0.37]);
    expect(bootstrapCI([2, 2, 2, 2], { seed: 1 })).toEqual([2, 2]);
  });

  it('spans the support of a two-point sample', () => {
    // Resample means of [0, 1] are 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4: the 2.5% and
    // 97.5% quantiles of 2000 of them are 0 and 1.
    expect(bootstrapCI([0, 1], { seed: 7 })).toEqual([0, 1]);
  });

  it('is reproducible for a seed and changes with the seed', () => {
    const xs = [0.1, 0.5, 0.35, 0.8, 0.2, 0.65, 0.4];
    const a = bootstrapCI(xs, { seed: 42 });
    expect(bootstrapCI(xs, { seed: 42 })).toEqual(a);
    expect(bootstrapCI(xs, { seed: 43 })).not.toEqual(a);
    expect(a[0]).toBeLessThan(mean(xs));
    expect(a[1]).toBeGreaterThan(mean(xs));
  });

  it('gives the mean the same interval on its fast path as any statistic on the general one', () => {
    // Values whose sums depend on the order of addition, over several sizes and seeds.
    for (const [n, seed] of [
      [2, 1],
      [7, 5],
      [31, 9],
      [200, 11],
    ]) {
      const xs = Array.from(
        { length: n },
        (_, i) =>
          Math.sin(i * 12.9898) * 43758.5453 -
          Math.floor(Math.sin(i * 12.9898) * 43758.5453) +
          i / 3,
      );
      const general = bootstrapCI(xs, { seed, statistic: (sample) => mean(sample) });
      expect(bootstrapCI(xs, { seed })).toEqual(general);
    }
  });

  it('approaches the normal interval for a large sample', () => {
    // 0..199: mean 99.5, population SD sqrt((200^2 - 1)/12) = 57.7343, SE 4.0824; the normal
    // 95% half-width is 1.96 x 4.0824 = 8.0015.
    const xs = Array.from({ length: 200 }, (_, i) => i);
    const [lo, hi] = bootstrapCI(xs, { seed: 3, resamples: 4000 });
    expect(Math.abs((lo ?? 0) - (99.5 - 8.0015))).toBeLessThan(0.6);
    expect(Math.abs((hi ?? 0) - (99.5 + 8.0015))).toBeLessThan(0.6);
  });

  it('honours level and statistic, and rejects bad options', () => {
    const xs = [1, 2, 3, 4, 5, 6];
    const [lo90, hi90] = bootstrapCI(xs, { seed: 5, level: 0.9 });
    const [lo99, hi99] = bootstrapCI(xs, { seed: 5, level: 0.99 });
    expect(lo99).toBeLessThanOrEqual(lo90 ?? 0);
    expect(hi99).toBeGreaterThanOrEqual(hi90 ?? 0);
    expect(bootstrapCI(xs, { seed: 5, statistic: (s) => Math.max(...s) })[1]).toBe(6);
    expect(() => bootstrapCI(xs, { seed: 5, level: 1 })).toThrow('level must be in (0, 1)');
    expect(() => bootstrapCI(xs, { seed: 5, resamples: 0 })).toThrow('positive integer');
  });
});

describe('summarize', () => {
  it('returns n, mean, SD and a CI', () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9], 11);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(s.ciLow).toBeGreaterThanOrEqual(2);
    expect(s.ciLow).toBeLessThan(5);
    expect(s.ciHigh).toBeGreaterThan(5);
    expect(summarize([], 11)).toEqual({ n: 0, mean: null, sd: null, ciLow: null, ciHigh: null });
    expect(summarize([0.5], 11)).toEqual({ n: 1, mean: 0.5, sd: null, ciLow: 0.5, ciHigh: 0.5 });
  });
});

describe('gini', () => {
  it('matches hand-computed values', () => {
    expect(gini([25, 25, 25, 25])).toBe(0);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 14); // (n - 1)/n
    // [1,2,3]: sum over ordered pairs of |xi - xj| = 2 (1 + 2 + 1) = 8; 8 / (2 x 3 x 6) = 2/9.
    expect(gini([1, 2, 3])).toBeCloseTo(2 / 9, 14);
    // Two agents 30/70: 2 x 40 / (2 x 2 x 100) = 0.2.
    expect(gini([30, 70])).toBeCloseTo(0.2, 14);
    expect(gini([0, 0])).toBeNull();
    expect(gini([-5, 10])).toBeNull();
    expect(gini([])).toBeNull();
  });
});

describe('formatCI', () => {
  it('formats mean [lo, hi]', () => {
    expect(formatCI(0.4219, 0.3081, 0.5512)).toBe('0.42 [0.31, 0.55]');
    expect(formatCI(12.345, 10, 15.5, 1)).toBe('12.3 [10.0, 15.5]');
    expect(formatCI(0.5, null, null)).toBe('0.50');
    expect(formatCI(null, null, null)).toBe('n/a');
  });
});
