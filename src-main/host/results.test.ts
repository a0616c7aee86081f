// The results grid the UI shows, over the hand-computed five-game sweep of the analysis tests
// (src-main/analysis/hand-sweep.test-helpers.ts): every metric's cell means and counts by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridResult, RequestArgs, ResultMetric } from '../../src-shared/contract';
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

async function grid(
  metric: ResultMetric,
  more: Partial<RequestArgs<'results:grid'>> = {},
): Promise<GridResult> {
  return (await createHost({ store }).handle('results:grid', {
    sweepId: HAND_SWEEP_ID,
    metric,
    ...more,
  })) as GridResult;
}

/** [n, mean] per cell, rows = x (capability order), columns = y (competition levels). */
function table(g: GridResult): [number, number | null][][] {
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
    const share = table(await grid('utility_share_focal'));
    expect(share[0][0][0]).toBe(2);
    expect(share[0][0][1]).toBeCloseTo((72 / 117 + 50 / 130) / 2, 12);
    // g3 has no deal: welfare 0, so no share.
    expect(share[2][0]).toEqual([1, 50 / 130]);
    expect(share[1][1]).toEqual([1, 80 / 130]);
    expect(table(await grid('deal'))).toEqual([
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
    expect(table(await grid('round'))).toEqual([
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

  it('grids a metric no column stores, from each game, and refuses one the game lacks', async () => {
    // Undiscounted: g1 agreed in round 2 at 72 = 80 x 0.9, so weak's raw mean is (80 + 50) / 2.
    expect(table(await grid('utility_focal_raw'))).toEqual([
      [
        [2, 65],
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
    const g = await grid('utility_focal');
    expect(g.metrics).toContain('utility_focal_raw');
    expect(g.metrics).not.toContain('all_agree');
    await expect(grid('all_agree')).rejects.toMatchObject({
      issues: [{ path: 'metric', message: 'not defined for item-allocation games' }],
    });
  });

  it('gives each cell n, mean, SD and the interval asked for, with its seed', async () => {
    const boot = await grid('utility_focal');
    expect([boot.ci, boot.seed]).toEqual(['bootstrap', 1]);
    // Two values 72 and 50: the two-point bootstrap spans them.
    expect(boot.cells[0]).toEqual({
      xi: 0,
      yi: 0,
      focalId: 'weak',
      level: 0.5,
      n: 2,
      mean: 61,
      sd: Math.sqrt(242),
      ciLow: 50,
      ciHigh: 72,
    });
    const t = await grid('utility_focal', { ci: 't' });
    const half = 12.706204736174698 * (Math.sqrt(242) / Math.SQRT2);
    expect(t.ci).toBe('t');
    expect(t.cells[0].ciLow).toBeCloseTo(61 - half, 9);
    expect(t.cells[0].ciHigh).toBeCloseTo(61 + half, 9);
  });

  it('shows a capability the participants do not have as unknown (null), never 0', async () => {
    const g = await grid('utility_focal', { capabilityMetric: 'arena_elo' });
    expect(g.capabilityMetric).toBe('arena_elo');
    expect(g.x.map((c) => c.capability)).toEqual([null, null, null]);
    expect(g.cells.reduce((n, c) => n + c.n, 0)).toBe(5);
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
      const g = (await host.handle('results:grid', {
        sweepId,
        metric: 'utility_focal',
      })) as GridResult;
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
