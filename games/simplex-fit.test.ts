import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from './rng';
import {
  COSINE_TOLERANCE,
  cosine,
  fitSimplexVectors,
  integerise,
  pairwiseCosines,
  projectToSimplex,
  simplexGeometryErrors,
} from './simplex-fit';

const LEVELS = Array.from({ length: 11 }, (_, l) => l / 10);

function fit(n: number, m: number, target: number, seed: number) {
  const rng = createRng(hashSeed(seed, 'test', target));
  return fitSimplexVectors({ n, m, target, rng, label: 'competition', unit: 'items' });
}

describe('integerise', () => {
  it('floors and hands the remainder to the largest fractional parts, ties to the lower index', () => {
    // 33.33 x3 -> 33,33,33 (99); one unit left, equal fractions -> index 0.
    expect(integerise([1, 1, 1])).toEqual([34, 33, 33]);
    // 12.5, 37.5, 50 -> 12, 37, 50 (99); fractions .5, .5, 0 -> index 0.
    expect(integerise([0.125, 0.375, 0.5])).toEqual([13, 37, 50]);
    // Total 10: 6.67, 0, 3.33 -> 6, 0, 3; the unit goes to the .67.
    expect(integerise([2, 0, 1], 10)).toEqual([7, 0, 3]);
  });

  it('always sums to exactly 100 with non-negative integers', () => {
    const rng = createRng('integerise');
    for (let t = 0; t < 500; t++) {
      const v = integerise(Array.from({ length: 1 + (t % 12) }, () => rng.next()));
      expect(v.reduce((s, x) => s + x, 0)).toBe(100);
      expect(v.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    }
  });
});

describe('geometry helpers', () => {
  it('projects onto the simplex', () => {
    expect(projectToSimplex([2, 0, 0])).toEqual([1, 0, 0]);
    // Sorted 0.6, 0.6, -1: the shift is (1.2 - 1) / 2 = 0.1 and the last entry drops to 0.
    const p = projectToSimplex([0.6, 0.6, -1]);
    expect(p[0]).toBeCloseTo(0.5, 15);
    expect(p[1]).toBeCloseTo(0.5, 15);
    expect(p[2]).toBe(0);
  });

  it('computes cosines pairwise in (0,1), (0,2), (1,2) order', () => {
    // (3,4).(4,3) = 24, norms 5 and 5 -> 0.96.
    expect(cosine([3, 4], [4, 3])).toBe(0.96);
    expect(
      pairwiseCosines([
        [1, 0],
        [0, 1],
        [1, 0],
      ]),
    ).toEqual([0, 1, 0]);
  });

  it('rejects target 0 with more agents than items, naming the counts', () => {
    expect(simplexGeometryErrors(3, 2, 0, 'competition', 'items')).toEqual([
      'competition 0 needs disjoint supports (each agent values different items), so nAgents <= items: got 3 agents and 2 items',
    ]);
    expect(simplexGeometryErrors(2, 2, 0, 'competition', 'items')).toEqual([]);
    expect(() => fit(3, 2, 0, 1)).toThrow('got 3 agents and 2 items');
  });
});

describe('fitSimplexVectors', () => {
  it(`stays within ${COSINE_TOLERANCE} of every target for n = 2, m = 5 and m = 8 (50 seeds x 11 levels)`, () => {
    let worst = 0;
    for (const m of [5, 8]) {
      for (let seed = 0; seed < 50; seed++) {
        for (const level of LEVELS) {
          const result = fit(2, m, level, seed);
          worst = Math.max(worst, result.maxDeviation);
          expect(result.warnings).toEqual([]);
          for (const v of result.vectors) expect(v.reduce((s, x) => s + x, 0)).toBe(100);
          expect(result.cosines).toEqual(pairwiseCosines(result.vectors));
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(COSINE_TOLERANCE);
  });

  it('fits three agents on five items within tolerance too', () => {
    for (let seed = 0; seed < 20; seed++) {
      for (const level of LEVELS)
        expect(fit(3, 5, level, seed).maxDeviation).toBeLessThanOrEqual(0.02);
    }
  });

  it('gives identical vectors at target 1 and disjoint supports at target 0', () => {
    for (let seed = 0; seed < 20; seed++) {
      const same = fit(3, 5, 1, seed);
      expect(same.vectors[1]).toEqual(same.vectors[0]);
      expect(same.vectors[2]).toEqual(same.vectors[0]);
      expect(same.cosines.every((c) => Math.abs(c - 1) < 1e-12)).toBe(true);
      const apart = fit(3, 5, 0, seed);
      expect(apart.cosines).toEqual([0, 0, 0]);
      // Every item belongs to exactly one agent's support (DESIGN 3.1), sizes 2, 2, 1.
      for (let k = 0; k < 5; k++) expect(apart.vectors.filter((v) => v[k] > 0)).toHaveLength(1);
      expect(apart.vectors.map((v) => v.filter((x) => x > 0).length).sort()).toEqual([1, 2, 2]);
    }
  });

  it('warns when the geometry forbids the target (6 agents, 5 items)', () => {
    const result = fit(6, 5, 0.5, 1);
    expect(result.maxDeviation).toBeGreaterThan(COSINE_TOLERANCE);
    expect(result.warnings).toEqual([
      `competition 0.5: realised pairwise cosines deviate from the target by up to ${result.maxDeviation.toFixed(3)} (6 agents, 5 items); equal pairwise cosines below 1 need nAgents <= items`,
    ]);
  });

  it('is deterministic in its rng', () => {
    expect(fit(2, 5, 0.3, 9)).toEqual(fit(2, 5, 0.3, 9));
    expect(fit(2, 5, 0.3, 9).vectors).not.toEqual(fit(2, 5, 0.3, 10).vectors);
  });
});
