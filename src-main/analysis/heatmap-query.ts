// The capability x competition cells of a stored metric from sums SQLite computes (n, sum, sum of
// squares per focal participant and level), for sweeps too large to load: t intervals only, the
// capability axis chosen afterwards, so switching it never re-reads the games.
import type { CellMetric, Store } from '../store/types';
import { cellsFromSums, type Cell } from './cells';

/**
 * Maps a focal participant to its value on the capability axis (null: unknown); `stored` is the
 * capability stored with its games under the sweep's metric.
 */
export type CapabilityLookup = (focalId: string, stored: number | null) => number | null;

/** The dimensions of a quick cell. */
export const QUICK_BY = ['focal_capability', 'competition_level'] as const;

/** Participants sharing a capability value are pooled into one cell, as `computeCells` would. */
export function quickCells(
  store: Store,
  options: { sweepId: string; metric: CellMetric; capability: CapabilityLookup },
): Cell[] {
  const sums = store
    .cellAggregates({ sweepId: options.sweepId, metric: options.metric })
    .map((r) => ({
      key: {
        focal_capability: options.capability(r.focalId, r.focalCapability),
        competition_level: r.competitionLevel,
      },
      rows: r.games,
      n: r.n,
      sum: r.sum,
      sumSquares: r.sumSquares,
    }));
  return cellsFromSums(sums, QUICK_BY);
}
