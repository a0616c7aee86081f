// The results grid the UI shows, over the hand-computed five-game sweep of the analysis tests
// (src-main/analysis/hand-sweep.test-helpers.ts): every metric's cell means and counts by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurvesResult, HeatmapResult, ResultMetric } from '../../src-shared/contract';
import { HAND_SWEEP_ID, writeHandSweep } from '../analysis/hand-sweep.test-helpers';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { createHost } from './host';

let dir: string;
let store: Store;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-results-'));
  store = openStore(join(dir, 'hand.db'));
  writeHandSweep(store);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function grid(metric: ResultMetric): Promise<HeatmapResult> {
  return (await createHost({ store }).handle('results:heatmap', {
    sweepId: HAND_SWEEP_ID,
    metric,
  })) as HeatmapResult;
}

/** [n, mean] per cell, rows = x (capability order), columns = y (competition levels). */
function table(g: HeatmapResult): [number, number | null][][] {
  return g.x.map((_, xi) =>
    g.y.map((_, yi) => {
      const c = g.cells.find((cell) => cell.xi === xi && cell.yi === yi)!;
      return [c.n, c.mean];
    }),
  );
}

describe('results grid (UI heatmap) on the hand sweep', () => {
  it('orders columns by capability and levels upwards, counting finished games', async () => {
    const g = await grid('utility_focal');
    expect(g.x.map((c) => [c.focalId, c.capability])).toEqual([
      ['weak', 0.2],
      ['ref2', 0.5],
      ['strong', 0.8],
    ]);
    expect(g.y).toEqual([0.5, 1]);
    expect(g.games).toBe(5);
    expect(g.capabilityMetrics).toEqual(['capability']);
  });

  it('has the hand values of every metric', async () => {
    // weak: g1 72 (seat 0, round 2), g2 50 (seat 1); strong: g3 no deal (0), g4 50; ref2: g5 80.
    expect(table(await grid('utility_focal'))).toEqual([
      [
        [2, 61],
        [0, null],
      ],
      [
        [0, null],
        [1, 80],
      ],
      [
        [2, 25],
        [0, null],
      ],
    ]);
    const share = table(await grid('utility_share'));
    expect(share[0][0][0]).toBe(2);
    expect(share[0][0][1]).toBeCloseTo((72 / 117 + 50 / 130) / 2, 12);
    // g3 has no deal: welfare 0, so no share.
    expect(share[2][0]).toEqual([1, 50 / 130]);
    expect(share[1][1]).toEqual([1, 80 / 130]);
    expect(table(await grid('deal_rate'))).toEqual([
      [
        [2, 1],
        [0, null],
      ],
      [
        [0, null],
        [1, 1],
      ],
      [
        [2, 0.5],
        [0, null],
      ],
    ]);
    expect(table(await grid('agreement_round'))).toEqual([
      [
        [2, 1.5],
        [0, null],
      ],
      [
        [0, null],
        [1, 1],
      ],
      [
        [1, 1],
        [0, null],
      ],
    ]);
  });

  it('flattens the same cells into one curve per competition level', async () => {
    const c = (await createHost({ store }).handle('results:curves', {
      sweepId: HAND_SWEEP_ID,
      metric: 'utility_focal',
    })) as CurvesResult;
    expect(c.series.map((s) => [s.level, s.points.map((p) => [p.focalId, p.n, p.mean])])).toEqual([
      [
        0.5,
        [
          ['weak', 2, 61],
          ['ref2', 0, null],
          ['strong', 2, 25],
        ],
      ],
      [
        1,
        [
          ['weak', 0, null],
          ['ref2', 1, 80],
          ['strong', 0, null],
        ],
      ],
    ]);
  });
});

describe('results grid of a large sweep', () => {
  it('lets other requests through while its cells are bootstrapped', async () => {
    const { buildSyntheticSweep } = await import('../bench/analysis-bench');
    const big = openStore(join(dir, 'big.db'));
    try {
      const sweepId = buildSyntheticSweep(big, 40_000);
      const host = createHost({ store: big });
      // Event-loop turns while the grid is computed: a blocked loop would give none.
      let turns = 0;
      let done = false;
      const spin = () => {
        turns++;
        if (!done) setImmediate(spin);
      };
      setImmediate(spin);
      const g = (await host.handle('results:heatmap', {
        sweepId,
        metric: 'utility_focal',
      })) as HeatmapResult;
      done = true;
      // 40,000 values, a yield every 2,000 of them.
      expect(turns).toBeGreaterThanOrEqual(15);
      expect(g.cells).toHaveLength(50);
      expect(g.cells.reduce((n, c) => n + c.n, 0)).toBe(40_000);
    } finally {
      big.close();
    }
  });
});

describe('games:list (paged in SQL)', () => {
  const list = (args: Record<string, unknown>) =>
    createHost({ store }).handle('games:list', { sweepId: HAND_SWEEP_ID, ...args }) as Promise<{
      total: number;
      rows: { id: string }[];
    }>;

  it("filters by a cell's focal participant and level and pages the matches", async () => {
    const cell = { focalId: 'weak', competitionLevel: 0.5 };
    expect(await list(cell)).toMatchObject({ total: 2, rows: [{ id: 'g1' }, { id: 'g2' }] });
    const second = await list({ ...cell, limit: 1, offset: 1 });
    expect([second.total, second.rows.map((r) => r.id)]).toEqual([2, ['g2']]);
    const all = await list({ limit: 2, offset: 3 });
    expect([all.total, all.rows.map((r) => r.id)]).toEqual([5, ['g4', 'g5']]);
    expect((await list({ competitionLevel: 1 - 1e-12 })).rows.map((r) => r.id)).toEqual(['g5']);
    expect(await list({ status: ['failed'] })).toEqual({ total: 0, rows: [] });
  });
});
