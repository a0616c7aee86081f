// Capability x competition aggregation for the results views: per-game metric values, then
// n, mean and a seeded 95% bootstrap CI per cell.
// TODO: switch to heatmapGrid from src-main/analysis/aggregate.ts once it lands.
import type { CurvesResult, HeatmapCell, HeatmapResult, ResultMetric } from '../../src-shared/contract';
import { capabilityOf } from '../../src-shared/participant';
import { summarize } from '../analysis/stats';
import type { GameRow } from '../store/types';
import { focalSeat } from './views';

/** The metric of one finished game, or null when it is undefined for that game. */
export function metricValue(row: GameRow, metric: ResultMetric): number | null {
  const outcome = row.outcome;
  if (row.status !== 'finished' || !outcome) return null;
  const focal = outcome.utilities[focalSeat(row)] ?? 0;
  switch (metric) {
    case 'utility_focal':
      return focal;
    case 'utility_share': {
      const total = outcome.utilities.reduce((a, b) => a + b, 0);
      return total > 0 ? focal / total : null;
    }
    case 'deal_rate':
      return outcome.deal ? 1 : 0;
    case 'agreement_round':
      return outcome.deal ? outcome.round : null;
  }
}

/** Score names found on the sweep's participants, the sweep's own metric first. */
export function capabilityMetricsOf(rows: readonly GameRow[], preferred: string): string[] {
  const names = new Set<string>([preferred]);
  for (const row of rows) {
    for (const p of row.participants) {
      Object.keys(p.scores).forEach((k) => names.add(k));
      if (p.kind === 'strategy' && p.capability !== undefined) names.add('capability');
    }
  }
  return [...names];
}

export function heatmap(sweepId: string, rows: readonly GameRow[], metric: ResultMetric, capabilityMetric: string): HeatmapResult {
  const columns = new Map<string, { focalId: string; label: string; capability: number | null }>();
  const levels = new Set<number>();
  const values = new Map<string, number[]>();
  let games = 0;
  for (const row of rows) {
    const focal = row.participants[focalSeat(row)];
    if (!columns.has(row.focalId)) {
      columns.set(row.focalId, {
        focalId: row.focalId,
        label: focal?.displayName ?? row.focalId,
        capability: focal ? capabilityOf(focal, capabilityMetric) : null,
      });
    }
    levels.add(row.competitionLevel);
    const v = metricValue(row, metric);
    if (row.status === 'finished') games++;
    if (v === null) continue;
    const key = `${row.focalId}\u0000${row.competitionLevel}`;
    const list = values.get(key);
    if (list) list.push(v);
    else values.set(key, [v]);
  }
  const x = [...columns.values()].sort(
    (a, b) => (a.capability ?? Infinity) - (b.capability ?? Infinity) || a.label.localeCompare(b.label),
  );
  const y = [...levels].sort((a, b) => a - b);
  const cells: HeatmapCell[] = [];
  x.forEach((col, xi) => {
    y.forEach((level, yi) => {
      const s = summarize(values.get(`${col.focalId}\u0000${level}`) ?? [], cellSeed(xi, yi));
      cells.push({ xi, yi, focalId: col.focalId, level, n: s.n, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh });
    });
  });
  return { sweepId, metric, capabilityMetric, x, y, cells, capabilityMetrics: capabilityMetricsOf(rows, capabilityMetric), games };
}

export function curves(grid: HeatmapResult): CurvesResult {
  return {
    sweepId: grid.sweepId,
    metric: grid.metric,
    capabilityMetric: grid.capabilityMetric,
    series: grid.y.map((level, yi) => ({
      level,
      points: grid.cells
        .filter((c) => c.yi === yi)
        .map((c) => ({
          focalId: c.focalId,
          capability: grid.x[c.xi].capability,
          n: c.n,
          mean: c.mean,
          ciLow: c.ciLow,
          ciHigh: c.ciHigh,
        })),
    })),
  };
}

/** A fixed seed per cell, so the same data always gives the same interval. */
function cellSeed(xi: number, yi: number): number {
  return 1_000_003 * (xi + 1) + 7919 * (yi + 1);
}
