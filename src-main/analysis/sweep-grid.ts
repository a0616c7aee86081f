// The capability x competition grid of a sweep as the results screen shows it: one column per
// focal participant (placed on any capability score), one row per competition level, each cell
// from the one cell computation (cells.ts) over the store's plain columns.
import { capabilityOf, type ParticipantSpec } from '../../src-shared/participant';
import { focalSeatOf } from '../../src-shared/planned-game';
import type { GridCell, GridResult } from '../../src-shared/contract';
import type { GameKind } from '../../src-shared/game';
import {
  METRICS,
  OUTCOME_GRID_METRIC_IDS,
  metricDef,
  type MetricId,
} from '../../src-shared/metrics';
import type { Store } from '../store/types';
import { CellGrouper, type CiMethod, type Row } from './cells';
import { PASS_CACHE_KIB, streamDataset } from './dataset';
import { outcomeRows } from './outcome-rows';
import { streamStoredRows } from './stored-rows';
import { incentiveAxisOf } from '../sweeps/incentive-cells';

/** The dimensions of a screen cell: the same `--by` as `parley analyze --by focal_id,competition_level`. */
export const GRID_BY = ['focal_id', 'competition_level'] as const;

/** The grid as the contract carries it (src-shared/contract/results.ts). */
export type SweepGrid = GridResult;
type GridColumn = GridResult['x'][number];

export interface SweepGridOptions {
  sweepId: string;
  metric: MetricId;
  /** Score that places the columns; the sweep's own metric when it is the stored one. */
  capabilityMetric: string;
  ci: CiMethod;
  seed: number;
  /** The sweep's game: which metrics it has (null: every metric is offered). */
  kind: GameKind | null;
}

/** The vocabulary's metrics a game kind has (every metric for an unknown kind). */
export function metricsOfKind(kind: GameKind | null): MetricId[] {
  return METRICS.filter((d) => kind === null || d.games.includes(kind)).map((d) => d.id);
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

export async function sweepGrid(store: Store, options: SweepGridOptions): Promise<SweepGrid> {
  const { sweepId, metric, capabilityMetric, ci, seed, kind } = options;
  const lineups = store.sweepLineups({ sweepId });
  const columns = new Map<string, GridColumn>();
  for (const lineup of lineups) {
    if (columns.has(lineup.focalId)) continue;
    const focal = lineup.participants[focalSeatOf(lineup) ?? -1];
    columns.set(lineup.focalId, {
      focalId: lineup.focalId,
      label: focal?.displayName ?? lineup.focalId,
      capability: focal ? capabilityOf(focal, capabilityMetric) : null,
    });
  }
  const x = [...columns.values()].sort(
    (a, b) =>
      (a.capability ?? Infinity) - (b.capability ?? Infinity) || a.label.localeCompare(b.label),
  );
  // Stored metrics come from plain columns; the alternating-offers games' and the invalid
  // actions from each outcome; every other one from the full per-game computation (dataset.ts),
  // as `parley analyze` computes them. Each row is grouped as it streams by; none is kept.
  const levels = new Set<number>();
  const grouper = new CellGrouper({ metric, by: GRID_BY, ci, seed });
  let games = 0;
  store.withReadCache(PASS_CACHE_KIB, () => {
    const cellGames = function* () {
      for (const g of store.iterateCellGames({ sweepId })) {
        levels.add(g.competitionLevel);
        yield g;
      }
    };
    let rows: Iterable<Row>;
    if (metricDef(metric).stored) rows = streamStoredRows(cellGames());
    else {
      // The y axis: the level of every game, finished or not.
      for (const g of store.iterateCellGames({ sweepId })) levels.add(g.competitionLevel);
      rows = (OUTCOME_GRID_METRIC_IDS as readonly string[]).includes(metric)
        ? outcomeRows(store, sweepId)
        : streamDataset(store, [sweepId]);
    }
    for (const row of rows) {
      games++;
      grouper.add(row);
    }
  });
  const y = [...levels].sort((a, b) => a - b);
  const computed = await grouper.cellsAsync();
  const byKey = new Map(
    computed.map((c) => [`${String(c.key.focal_id)}\u0000${String(c.key.competition_level)}`, c]),
  );
  const cells: GridCell[] = [];
  for (const [xi, col] of x.entries()) {
    for (const [yi, level] of y.entries()) {
      const c = byKey.get(`${col.focalId}\u0000${level}`);
      cells.push({
        xi,
        yi,
        focalId: col.focalId,
        level,
        n: c?.n ?? 0,
        mean: c?.mean ?? null,
        sd: c?.sd ?? null,
        ciLow: c?.ciLow ?? null,
        ciHigh: c?.ciHigh ?? null,
      });
    }
  }
  return {
    sweepId,
    metric,
    capabilityMetric,
    ci,
    seed,
    x,
    y,
    ...incentiveAxis(store.getSweep(sweepId)?.spec, y),
    cells,
    capabilityMetrics: capabilityMetricsOf(lineups, capabilityMetric),
    games,
    metrics: metricsOfKind(kind),
  };
}

/** The y axis of a sweep over competition.incentives: the focal party's incentive per level. */
function incentiveAxis(
  spec: unknown,
  y: readonly number[],
): Pick<GridResult, 'yName' | 'yTitle' | 'yLabels'> {
  const axis = incentiveAxisOf(spec);
  if (axis === null) return {};
  return { yName: 'incentive', yTitle: axis.title, yLabels: y.map(axis.label) };
}
