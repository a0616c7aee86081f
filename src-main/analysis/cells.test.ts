import { describe, expect, it } from 'vitest';
import {
  CellGrouper,
  cellMatrix,
  cellsFromSums,
  computeCells,
  summarizeValues,
  tInterval,
} from './cells';

const ROWS = [
  { capability: 1, competition_level: 0, share: 0.4 },
  { capability: 1, competition_level: 0, share: 0.6 },
  { capability: 2, competition_level: 0, share: 0.8 },
  { capability: 1, competition_level: 1, share: null },
  { capability: 1, competition_level: 1, share: 0.2 },
];
const BY = ['capability', 'competition_level'];
// t quantiles 0.975 with 1 df, and with 2 df in closed form: (2p - 1) sqrt(2 / (4 p (1 - p))).
const T1 = 12.706204736174698;
const T2 = 0.95 * Math.sqrt(2 / (4 * 0.975 * 0.025));

describe('computeCells', () => {
  it('summarises each group, sorted by key, leaving missing values out', () => {
    const cells = computeCells(ROWS, { by: BY, metric: 'share', ci: 'bootstrap', seed: 1 });
    expect(cells.map((g) => [g.key, g.n, g.mean, g.missing])).toEqual([
      [{ capability: 1, competition_level: 0 }, 2, 0.5, 0],
      [{ capability: 1, competition_level: 1 }, 1, 0.2, 1],
      [{ capability: 2, competition_level: 0 }, 1, 0.8, 0],
    ]);
    expect(cells[0].sd).toBeCloseTo(Math.sqrt(0.02), 14); // (0.1^2 + 0.1^2) / 1
    expect([cells[0].ciLow, cells[0].ciHigh]).toEqual([0.4, 0.6]); // resample means 0.4, 0.5, 0.6
    expect([cells[1].ciLow, cells[1].ciHigh]).toEqual([0.2, 0.2]);
  });

  it('gives t intervals when asked: mean +- t(0.975, 1) * 0.1', () => {
    const [first] = computeCells(ROWS, { by: BY, metric: 'share', ci: 't', seed: 1 });
    expect(first.ciLow).toBeCloseTo(0.5 - T1 * 0.1, 12);
    expect(first.ciHigh).toBeCloseTo(0.5 + T1 * 0.1, 12);
    expect(tInterval(1, 3, null)).toEqual([3, 3]);
    expect(tInterval(0, null, null)).toEqual([null, null]);
  });

  it("seeds each cell's bootstrap from its own key", () => {
    const rows = [0.1, 0.5, 0.35, 0.8, 0.2].flatMap((v) => [
      { cell: 'a', m: v },
      { cell: 'b', m: v * 2 },
    ]);
    const options = { by: ['cell'], metric: 'm', ci: 'bootstrap' as const, seed: 9 };
    const all = computeCells(rows, options);
    const onlyB = computeCells(
      rows.filter((r) => r.cell === 'b'),
      options,
    );
    expect(onlyB[0]).toEqual(all[1]);
  });

  it('keeps an unknown capability as null, sorted last, never as 0', () => {
    const rows = [{ c: null, m: 1 }, { c: 0, m: 2 }, { c: 0.5, m: 3 }, { m: 4 }];
    const cells = computeCells(rows, { by: ['c'], metric: 'm', ci: 't', seed: 1 });
    expect(cells.map((g) => [g.key.c, g.n, g.mean])).toEqual([
      [0, 1, 2],
      [0.5, 1, 3],
      [null, 2, 2.5],
    ]);
  });
});

describe('cellsFromSums', () => {
  it('pools sums of one key and gives the t interval of the pooled values', () => {
    // Values 1, 3 (one participant) and 5 (another, same capability): mean 3, SD 2.
    const cells = cellsFromSums(
      [
        { key: { c: 0.5 }, rows: 3, n: 2, sum: 4, sumSquares: 10 },
        { key: { c: 0.5 }, rows: 1, n: 1, sum: 5, sumSquares: 25 },
        { key: { c: null }, rows: 2, n: 0, sum: 0, sumSquares: 0 },
      ],
      ['c'],
    );
    const half = (T2 * 2) / Math.sqrt(3);
    expect(cells).toEqual([
      {
        key: { c: 0.5 },
        n: 3,
        mean: 3,
        sd: 2,
        ciLow: expect.closeTo(3 - half, 12),
        ciHigh: expect.closeTo(3 + half, 12),
        missing: 1,
      },
      { key: { c: null }, n: 0, mean: null, sd: null, ciLow: null, ciHigh: null, missing: 2 },
    ]);
    const [fromValues] = computeCells(
      [1, 3, 5].map((m) => ({ c: 0.5, m })),
      { by: ['c'], metric: 'm', ci: 't', seed: 1 },
    );
    expect(fromValues.ciLow).toBeCloseTo(cells[0].ciLow!, 12);
  });
});

describe('cellMatrix', () => {
  it('arranges two-dimensional cells with sorted rows and columns', () => {
    const cells = computeCells(ROWS, { by: BY, metric: 'share', ci: 't', seed: 1 });
    const m = cellMatrix(cells, 'capability', 'competition_level');
    expect(m.rowValues).toEqual([1, 2]);
    expect(m.colValues).toEqual([0, 1]);
    expect(m.cells.map((row) => row.map((c) => c?.mean ?? null))).toEqual([
      [0.5, 0.2],
      [0.8, null],
    ]);
  });
});

describe('CellGrouper', () => {
  it("keeps each cell's values past its first buffer and summarises them as an array would", () => {
    // 100 values in cell a (the typed buffer starts at 16 and doubles three times), 3 in b.
    const values = Array.from({ length: 100 }, (_, i) => ((i * 37) % 101) / 10);
    const grouper = new CellGrouper({ by: ['cell'], metric: 'm', ci: 'bootstrap', seed: 3 });
    for (const v of values) grouper.add({ cell: 'a', m: v });
    for (const m of [1, null, 2, 4]) grouper.add({ cell: 'b', m });
    const [a, b] = grouper.cells();
    expect(a).toEqual(
      computeCells(
        values.map((m) => ({ cell: 'a', m })),
        { by: ['cell'], metric: 'm', ci: 'bootstrap', seed: 3 },
      )[0],
    );
    expect(a.n).toBe(100);
    expect(a.mean).toBe(values.reduce((x, y) => x + y, 0) / 100);
    expect(b).toMatchObject({ key: { cell: 'b' }, n: 3, mean: 7 / 3, missing: 1 });
    expect(summarizeValues(Float64Array.from([1, 2, 4]), 't', 1)).toEqual(
      summarizeValues([1, 2, 4], 't', 1),
    );
  });
});
