import { describe, expect, it } from 'vitest';
import { fitsTables, varianceTable } from './views';

// Two baselines, each on an exact line at competition 0.5: y = 10 + 20x (baseline 0.3) and
// y = 5 + 40x (baseline 0.7), at x = 0.2, 0.5, 0.8.
const rows = [0.3, 0.7].flatMap((b) =>
  [0.2, 0.5, 0.8].map((x) => ({
    baseline_capability: b,
    competition_level: 0.5,
    focal_capability: x,
    utility_focal: b === 0.3 ? 10 + 20 * x : 5 + 40 * x,
    focal_family: x < 0.5 ? 'small' : 'large',
    focal_developer: 'lab',
  })),
);

describe('fitsTables', () => {
  it('fits pooled and per baseline group when the baseline capability varies', () => {
    const [fits] = fitsTables(rows, {
      metric: 'utility_focal',
      x: 'focal_capability',
      by: 'competition_level',
    });
    const pick = (baseline: unknown, level: unknown) => {
      const r = fits.rows.find(
        (row) => row.baseline === baseline && row.competition_level === level,
      )!;
      return [r.n, r.slope, r.intercept];
    };
    // Pooled: xbar 0.5, Sxx 0.36, Sxy = 0.3 (26 - 14) + 0.3 (37 - 13) = 10.8; ybar = 135 / 6.
    const [n, slope, intercept] = pick('(all)', 0.5) as number[];
    expect(n).toBe(6);
    expect(slope).toBeCloseTo(30, 10);
    expect(intercept).toBeCloseTo(7.5, 10);
    const [, slopeA, interceptA] = pick(0.3, 0.5) as number[];
    expect([slopeA, interceptA].map((v) => Number(v.toFixed(10)))).toEqual([20, 10]);
    const [, slopeB, interceptB] = pick(0.7, '(pooled)') as number[];
    expect([slopeB, interceptB].map((v) => Number(v.toFixed(10)))).toEqual([40, 5]);
    expect(fits.notes).toContain('Baseline capability varies: fits repeated per baseline group.');
  });
});

describe('varianceTable', () => {
  it('leaves out a factor with one level and reports each factor alone', () => {
    const t = varianceTable(rows, { metric: 'utility_focal', scores: [] });
    // Family splits x = 0.2 (small: 14, 13) from x = 0.5, 0.8 (large: 20, 26, 25, 37).
    // Total SS about 22.5: 72.25 + 90.25 + 6.25 + 12.25 + 6.25 + 210.25 = 397.5; between-group SS:
    // 2 (13.5 - 22.5)^2 + 4 (27 - 22.5)^2 = 162 + 81 = 243; R^2 = 243 / 397.5.
    expect(t.rows).toEqual([
      {
        terms: 'focal_family',
        r2: expect.closeTo(243 / 397.5, 12),
        adj_r2: expect.closeTo(1 - ((1 - 243 / 397.5) * 5) / 4, 12),
        parameters: 1,
        aliased: '',
      },
    ]);
    expect(t.notes).toEqual(['focal_developer takes one value: left out.']);
  });
});
