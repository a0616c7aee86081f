// The fast heatmap: per-cell n, mean, SD and a t interval from sums SQLite computes, with the
// capability axis chosen afterwards (cells are grouped by focal participant in SQL, then placed
// on any score or the registry order), so switching the axis never re-reads the games.
import type { CellMetric, Store } from '../store/types';
import type { HeatmapGrid } from './aggregate';
import { compareValues } from './aggregate';
import { tQuantile } from './distributions';

export const CELL_METRICS: readonly CellMetric[] = [
  'utility_focal',
  'utility_share_focal',
  'social_welfare',
  'deal',
  'round',
];

/**
 * Maps a focal participant to its value on the capability axis (null: unknown); `stored` is the
 * capability stored with its games under the sweep's metric.
 */
export type CapabilityLookup = (focalId: string, stored: number | null) => number | null;

/**
 * Heatmap grid of `metric` (x = competition level, y = capability on the chosen axis). CIs are
 * t intervals mean +- t_{0.975, n-1} SD / sqrt(n): a bootstrap needs every value, which this
 * query never loads. Participants sharing a capability value are pooled into one cell.
 */
export function quickHeatmap(
  store: Store,
  options: { sweepId: string; metric: CellMetric; capability: CapabilityLookup },
): HeatmapGrid & { gamesPerCell: number[][] } {
  const sums = new Map<
    string,
    { x: number; y: number | null; games: number; n: number; s: number; ss: number }
  >();
  for (const r of store.cellAggregates({ sweepId: options.sweepId, metric: options.metric })) {
    const y = options.capability(r.focalId, r.focalCapability);
    const key = JSON.stringify([r.competitionLevel, y]);
    const cell = sums.get(key) ?? { x: r.competitionLevel, y, games: 0, n: 0, s: 0, ss: 0 };
    cell.games += r.games;
    cell.n += r.n;
    cell.s += r.sum;
    cell.ss += r.sumSquares;
    sums.set(key, cell);
  }
  const ordered = [...sums.values()].sort((a, b) => compareValues(a.y, b.y) || a.x - b.x);
  const cells = ordered.map((c) => {
    const mean = c.n > 0 ? c.s / c.n : null;
    const sd =
      c.n > 1 && mean !== null
        ? Math.sqrt(Math.max(0, (c.ss - c.n * mean * mean) / (c.n - 1)))
        : null;
    const half = sd !== null ? tQuantile(0.975, c.n - 1) * (sd / Math.sqrt(c.n)) : null;
    return {
      x: c.x as unknown,
      y: c.y as unknown,
      n: c.n,
      games: c.games,
      mean,
      ciLow: mean !== null && half !== null ? mean - half : mean,
      ciHigh: mean !== null && half !== null ? mean + half : mean,
    };
  });
  const xValues = [...new Set(cells.map((c) => c.x))].sort(compareValues);
  const yValues = [...new Set(cells.map((c) => c.y))].sort(compareValues);
  const at = (xv: unknown, yv: unknown) => cells.find((c) => c.x === xv && c.y === yv);
  return {
    xValues,
    yValues,
    cells: cells.map(({ games: _games, ...c }) => c),
    matrix: yValues.map((yv) => xValues.map((xv) => at(xv, yv)?.mean ?? null)),
    gamesPerCell: yValues.map((yv) => xValues.map((xv) => at(xv, yv)?.games ?? 0)),
  };
}
