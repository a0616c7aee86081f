import { describe, expect, it } from 'vitest';
import type { CompareGameRow } from '../store/compare-queries';
import { cellSeed, compareGrid, pairGames } from './compare';
import { bootstrapCI } from './stats';

let next = 0;
const row = (
  focalId: string,
  level: number,
  seed: number,
  value: number | null,
  over: Partial<CompareGameRow> = {},
): CompareGameRow => ({
  id: `g${next++}`,
  focalId,
  focalCapability: focalId === 'x' ? 0.2 : 0.8,
  competitionLevel: level,
  seed,
  order: 'weak_first',
  value,
  ...over,
});

const free = { isFocalPinned: false, isOrderPinned: false };

describe('compareGrid', () => {
  it('pairs by cell and seed and reports paired statistics per cell', () => {
    const a = [
      row('y', 0.5, 1, null),
      row('y', 0.5, 2, 3),
      row('x', 0, 1, 1),
      row('x', 0, 2, 2),
      row('x', 0, 3, 4),
      row('x', 0, 4, 5), // no partner in B
    ];
    const b = [
      row('x', 0, 1, 2),
      row('x', 0, 2, 4),
      row('x', 0, 3, 7),
      row('x', 0, 5, 1), // two games with one key: ambiguous, left out
      row('x', 0, 5, 2),
      row('y', 0.5, 1, 1),
      row('y', 0.5, 2, 3),
      row('y', 0.5, 9, 0), // no partner in A
    ];
    const grid = compareGrid('utility_focal', a, b, free, 1);
    const [lo, hi] = bootstrapCI([1, 2, 3], { seed: cellSeed(1, 'x', 0) });
    expect(grid).toEqual({
      metric: 'utility_focal',
      x: [
        { focalKey: 'x', label: 'x', capability: 0.2 },
        { focalKey: 'y', label: 'y', capability: 0.8 },
      ],
      y: [0, 0.5],
      cells: [
        {
          xi: 0,
          yi: 0,
          focalKey: 'x',
          level: 0,
          n: 3,
          meanA: 7 / 3,
          meanB: 13 / 3,
          meanDiff: 2,
          ciLow: lo,
          ciHigh: hi,
          p: 0.25,
          pMethod: 'exact',
          // W+ = 1 + 2 + 3 = 6 of 6: 1 of 8 assignments, two-sided 2/8.
          wilcoxonP: 0.25,
          wilcoxonMethod: 'exact',
          unpairedA: 1,
          unpairedB: 0,
          missing: 0,
        },
        {
          xi: 1,
          yi: 1,
          focalKey: 'y',
          level: 0.5,
          n: 1,
          meanA: 3,
          meanB: 3,
          meanDiff: 0,
          ciLow: 0,
          ciHigh: 0,
          p: 1,
          pMethod: 'exact',
          // The one difference is 0: Wilcoxon drops it and has nothing left to rank.
          wilcoxonP: null,
          wilcoxonMethod: 'none',
          unpairedA: 0,
          unpairedB: 1,
          missing: 1,
        },
      ],
      pairedBy: ['focal', 'level', 'seed', 'order'],
      pairs: 5,
      unpairedA: 1,
      unpairedB: 1,
      ambiguousA: 0,
      ambiguousB: 2,
      test: {
        name: 'sign-flip permutation, two-sided, statistic |sum of differences|',
        exactMaxPairs: 16,
        monteCarloDraws: 10000,
        bootstrapResamples: 2000,
        wilcoxon: {
          name: 'Wilcoxon signed-rank, two-sided, zero differences dropped, average ranks',
          exactMaxPairs: 25,
        },
      },
    });
  });

  it('pairs two seat orders of one sweep when an order is pinned', () => {
    const weak = [row('x', 0, 1, 1), row('x', 0, 2, 2)];
    const strong = [
      row('x', 0, 1, 4, { order: 'strong_first' }),
      row('x', 0, 2, 3, { order: 'strong_first' }),
    ];
    expect(pairGames(weak, strong, free).pairs).toEqual([]);
    const p = pairGames(weak, strong, { isFocalPinned: false, isOrderPinned: true });
    expect(p.pairs.map((q) => [q.a.id, q.b.id, q.b.value! - q.a.value!])).toEqual([
      [weak[0].id, strong[0].id, 3],
      [weak[1].id, strong[1].id, 1],
    ]);
    expect(p.pairedBy).toEqual(['focal', 'level', 'seed']);
  });

  it('compares two focal models on one column when both sides pin the focal', () => {
    const a = [row('x', 0, 1, 1), row('x', 0.5, 1, 2)];
    const b = [row('y', 0, 1, 2), row('y', 0.5, 1, 5)];
    const grid = compareGrid('deal', a, b, { isFocalPinned: true, isOrderPinned: false }, 1);
    expect(grid.x).toEqual([{ focalKey: '*', label: 'x → y', capability: null }]);
    expect(grid.cells.map((c) => [c.xi, c.yi, c.n, c.meanDiff])).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 3],
    ]);
    expect(grid.pairedBy).toEqual(['level', 'seed', 'order']);
  });
});
