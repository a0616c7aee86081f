// The streamed pass of the figures against the loaded rows they were drawn from before (issue
// 15): the same cells, points, counts and errors, without keeping a row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeCells } from '../analysis/cells';
import { applyFilters, loadDataset } from '../analysis/dataset';
import { HAND_SWEEP_ID, writeHandSweep } from '../analysis/hand-sweep.test-helpers';
import { openStore } from '../store/store';
import { collectFigures } from './figure-data';
import { renderFigureSpec } from './render-spec';
import type { FigureEntry } from './figure-spec';

const dir = mkdtempSync(join(tmpdir(), 'parley-figure-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = { sweeps: [HAND_SWEEP_ID], seed: 1, formats: ['svg'] as const };
const heatmap = {
  ...base,
  id: 'heat',
  type: 'heatmap',
  metric: 'utility_focal',
  x: 'competition_level',
  y: 'focal_capability',
} as unknown as FigureEntry;
const scaling = {
  ...base,
  id: 'fit',
  type: 'scaling',
  metric: 'utility_focal',
  x: 'focal_capability',
  group: 'order',
  points: 'games',
  filters: { focal_id: ['weak', 'strong'] },
} as unknown as FigureEntry;
const table = {
  ...base,
  id: 'tab',
  type: 'table',
  metrics: ['utility_focal', 'deal'],
  by: ['focal_id'],
  filters: { nope: 1 },
} as unknown as FigureEntry;

describe('collectFigures', () => {
  it('gives every figure of one pass what it drew from the loaded rows', () => {
    const store = openStore(join(dir, 'hand.db'));
    try {
      writeHandSweep(store);
      const source = { sweepIds: [HAND_SWEEP_ID], axis: 'sweep' };
      const [h, s, t] = collectFigures(store, [], source, [heatmap, scaling, table]);
      const { rows } = loadDataset(store, [HAND_SWEEP_ID]);
      expect(h.rows).toBe(5);
      expect(h.unfinished).toBe(0);
      expect(h.filterError).toBeNull();
      expect(h.error).toBeNull();
      expect(h.cells[0]()).toEqual(
        computeCells(rows, {
          by: ['competition_level', 'focal_capability'],
          metric: 'utility_focal',
          ci: 'bootstrap',
          seed: 1,
        }),
      );
      expect(h.columns.columns).toEqual(new Set(rows.flatMap((r) => Object.keys(r))));
      // weak (0.2): g1 72 = 80 * 0.9 (round 2), g2 50; strong (0.8): g3 no deal 0, g4 50.
      const kept = applyFilters(rows, { focal_id: ['weak', 'strong'] });
      expect(s.rows).toBe(4);
      expect(Array.from(s.scaling!.xs)).toEqual(kept.map((r) => r.focal_capability));
      expect(Array.from(s.scaling!.ys)).toEqual(kept.map((r) => r.utility_focal));
      expect(s.scaling!.groupValues).toEqual([...new Set(kept.map((r) => r.order))]);
      expect(Array.from(s.scaling!.groups)).toEqual(
        kept.map((r) => s.scaling!.groupValues.indexOf(r.order)),
      );
      // A filter column no game has: the error applyFilters threw, kept for the figure's turn.
      expect(t.rows).toBe(0);
      expect(() => applyFilters(rows, { nope: 1 })).toThrow(
        (t.filterError!.thrown as Error).message,
      );
      expect((t.filterError!.thrown as Error).message).toMatch(/^filter column "nope" not found/);
    } finally {
      store.close();
    }
  });

  it('keeps a non-numeric metric error for the figure, after its row checks', () => {
    const store = openStore(join(dir, 'hand2.db'));
    try {
      writeHandSweep(store);
      const bad = { ...heatmap, id: 'bad', metric: 'focal_id' } as FigureEntry;
      const source = { sweepIds: [HAND_SWEEP_ID], axis: 'sweep' };
      const [data] = collectFigures(store, [], source, [bad]);
      expect(data.rows).toBe(5);
      expect((data.error!.thrown as Error).message).toBe(
        'metric "focal_id" has a non-numeric value "weak"',
      );
    } finally {
      store.close();
    }
  });
});

describe('renderFigureSpec', () => {
  it('reads the games once for all figures of the same sweeps and axis', async () => {
    const store = openStore(join(dir, 'hand3.db'));
    try {
      writeHandSweep(store);
      let passes = 0;
      const counting = {
        ...store,
        gamePages: (...args: Parameters<typeof store.gamePages>) => {
          passes++;
          return store.gamePages(...args);
        },
      };
      const other = { ...heatmap, id: 'heat-registry', capabilityAxis: 'registry_order' };
      const spec = { defaults: {}, figures: [heatmap, scaling, other] };
      const rendered = await renderFigureSpec(
        spec as never,
        {
          store: counting,
          registry: [],
          resolveSweep: (ref) => ref,
          parleyVersion: '0.0.0',
          createdAt: '2026-12-01T00:00:00.000Z',
        },
        join(dir, 'figs'),
      );
      expect(rendered.map((r) => [r.id, r.rows])).toEqual([
        ['heat', 5],
        ['fit', 4],
        ['heat-registry', 5],
      ]);
      // heat and fit share the sweep axis' pass; the registry axis is a second one.
      expect(passes).toBe(2);
    } finally {
      store.close();
    }
  });
});
