// Capability x competition aggregation for the results views: per-game metric values read from
// plain columns (store.cellGames: no transcript or JSON parsing, so 100,000 games load in
// milliseconds), then n, mean and a seeded 95% bootstrap CI per cell.
import type {
  CurvesResult,
  HeatmapCell,
  HeatmapResult,
  ResultMetric,
} from '../../src-shared/contract';
import { capabilityOf, type ParticipantSpec } from '../../src-shared/participant';
import { summarize } from '../analysis/stats';
import type { CellGameRow, LineupRow } from '../store/types';
import { focalSeat } from './views';

/** The metric of one finished game, or null when it is undefined for that game. */
export function metricValue(game: CellGameRow, metric: ResultMetric): number | null {
  if (game.status !== 'finished' || game.deal === null) return null;
  const focal = game.focalUtility ?? 0;
  switch (metric) {
    case 'utility_focal':
      return focal;
    case 'utility_share':
      return game.socialWelfare !== null && game.socialWelfare > 0
        ? focal / game.socialWelfare
        : null;
    case 'deal_rate':
      return game.deal;
    case 'agreement_round':
      return game.deal === 1 ? game.agreementRound : null;
  }
}

/** Score names found on the sweep's participants, the sweep's own metric first. */
export function capabilityMetricsOf(
  rows: readonly { participants: readonly ParticipantSpec[] }[],
  preferred: string,
): string[] {
  const names = new Set<string>([preferred]);
  for (const row of rows) {
    for (const p of row.participants) {
      Object.keys(p.scores).forEach((k) => names.add(k));
      if (p.kind === 'strategy' && p.capability !== undefined) names.add('capability');
    }
  }
  return [...names];
}

/** Values bootstrapped between two yields to the event loop (about 30 ms of work). */
const YIELD_EVERY_VALUES = 2_000;

/**
 * The capability x competition grid of `metric` over a sweep's games and seatings. Large grids
 * yield to the event loop between cells, so a host serving other requests (and running sweeps)
 * on the same thread stays responsive while a 100,000-game grid is bootstrapped.
 */
export async function heatmap(
  sweepId: string,
  data: { games: readonly CellGameRow[]; lineups: readonly LineupRow[] },
  metric: ResultMetric,
  capabilityMetric: string,
): Promise<HeatmapResult> {
  const columns = new Map<string, { focalId: string; label: string; capability: number | null }>();
  for (const lineup of data.lineups) {
    if (columns.has(lineup.focalId)) continue;
    const focal = lineup.participants[focalSeat(lineup)];
    columns.set(lineup.focalId, {
      focalId: lineup.focalId,
      label: focal?.displayName ?? lineup.focalId,
      capability: focal ? capabilityOf(focal, capabilityMetric) : null,
    });
  }
  const levels = new Set<number>();
  const values = new Map<string, number[]>();
  let games = 0;
  for (const game of data.games) {
    levels.add(game.competitionLevel);
    if (game.status === 'finished') games++;
    const v = metricValue(game, metric);
    if (v === null) continue;
    const key = `${game.focalId}\u0000${game.competitionLevel}`;
    const list = values.get(key);
    if (list) list.push(v);
    else values.set(key, [v]);
  }
  const x = [...columns.values()].sort(
    (a, b) =>
      (a.capability ?? Infinity) - (b.capability ?? Infinity) || a.label.localeCompare(b.label),
  );
  const y = [...levels].sort((a, b) => a - b);
  const cells: HeatmapCell[] = [];
  let sinceYield = 0;
  for (const [xi, col] of x.entries()) {
    for (const [yi, level] of y.entries()) {
      const cellValues = values.get(`${col.focalId}\u0000${level}`) ?? [];
      const s = summarize(cellValues, cellSeed(xi, yi));
      cells.push({
        xi,
        yi,
        focalId: col.focalId,
        level,
        n: s.n,
        mean: s.mean,
        ciLow: s.ciLow,
        ciHigh: s.ciHigh,
      });
      sinceYield += cellValues.length;
      if (sinceYield >= YIELD_EVERY_VALUES) {
        sinceYield = 0;
        await new Promise<void>((resume) => setImmediate(resume));
      }
    }
  }
  return {
    sweepId,
    metric,
    capabilityMetric,
    x,
    y,
    cells,
    capabilityMetrics: capabilityMetricsOf(data.lineups, capabilityMetric),
    games,
  };
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
