import { describe, expect, it } from 'vitest';
import { varianceExplained } from './variance';

// y = [1,3,4,7,8,10]: sum 33, mean 5.5, sum y^2 = 239, total SS = 239 - 6 (5.5)^2 = 57.5.
const ROWS = [
  { y: 1, developer: 'A', family: 'a1', elo: 1 },
  { y: 3, developer: 'A', family: 'a2', elo: 2 },
  { y: 4, developer: 'B', family: 'b1', elo: 3 },
  { y: 7, developer: 'B', family: 'b1', elo: 4 },
  { y: 8, developer: 'C', family: 'c1', elo: 5 },
  { y: 10, developer: 'C', family: 'c1', elo: 6 },
  { y: 5, developer: null, family: 'c1', elo: 6 },
];

describe('varianceExplained', () => {
  it('matches hand-computed shares', () => {
    const d = varianceExplained(ROWS, {
      metric: 'y',
      factors: ['developer', 'family'],
      scores: ['elo'],
    });
    expect(d.n).toBe(6);
    expect(d.dropped).toBe(1);
    const [developer, family, elo] = d.alone;
    // Developer means 2, 5.5, 9: between SS = 2 (4 + 30.25 + 81) - 181.5 = 49; 49 / 57.5.
    expect(developer.terms).toEqual(['developer']);
    expect(developer.r2).toBeCloseTo(49 / 57.5, 12);
    expect(developer.parameters).toBe(2);
    // Family means 1, 3, 5.5, 9 (sizes 1, 1, 2, 2): between SS = 1 + 9 + 60.5 + 162 - 181.5 = 51.
    expect(family.r2).toBeCloseTo(51 / 57.5, 12);
    // Elo 1..6: Sxx = 17.5, Sxy = 147 - 6 (3.5)(5.5) = 31.5; r^2 = 31.5^2 / (17.5 x 57.5).
    expect(elo.r2).toBeCloseTo(31.5 ** 2 / (17.5 * 57.5), 12);
    // Developer nested in family: together they explain what family explains, developer dummies aliased.
    expect(d.factorsTogether?.r2).toBeCloseTo(51 / 57.5, 12);
    expect(d.factorsTogether?.aliased).toEqual(['family=b1', 'family=c1']);
    expect(d.scoresTogether).toBeNull();
    // Joint developer + elo: within-group elo deviations +-0.5, y deviations +-1, +-1.5, +-1;
    // pooled within slope = 3.5 / 1.5 = 7/3, within RSS = 8.5 - (7/3)^2 x 1.5 = 1/3.
    // Joint (all): family + developer + elo; family absorbs developer, RSS = 0 within a1/a2,
    // b1 and c1 pairs: deviations y (+-1.5, +-1), elo +-0.5: slope (1.5 + 1) / 1 = 2.5,
    // RSS = 6.5 - 2.5^2 x 1 = 0.25.
    expect(d.joint.r2).toBeCloseTo(1 - 0.25 / 57.5, 12);
    const devElo = varianceExplained(ROWS, {
      metric: 'y',
      factors: ['developer'],
      scores: ['elo'],
    });
    expect(devElo.joint.r2).toBeCloseTo(1 - 1 / 3 / 57.5, 12);
    expect(devElo.factorsTogether).toBeNull();
  });

  it('names a missing column and a non-numeric score', () => {
    expect(() => varianceExplained(ROWS, { metric: 'y', scores: ['mmlu'] })).toThrow(
      'column "mmlu" not found; available columns: y, developer, family, elo',
    );
    expect(() =>
      varianceExplained(
        [
          { y: 1, s: 'high' },
          { y: 2, s: 3 },
        ],
        { metric: 'y', scores: ['s'] },
      ),
    ).toThrow('row 1: column "s" value "high" is not a number');
  });
});
