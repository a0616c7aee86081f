// The results screen's grid: the host parses the request, calls the one sweep grid of
// src-main/analysis (cells.ts) and maps it to the contract's types. No statistics here.
import type { CurvesResult, HeatmapResult, ResultMetric } from '../../src-shared/contract';
import type { MetricId } from '../../src-shared/metrics';
import type { SweepGrid } from '../analysis/sweep-grid';

/** The vocabulary id (src-shared/metrics.ts) behind each metric name of the contract. */
export const SCREEN_METRICS: Record<ResultMetric, MetricId> = {
  utility_focal: 'utility_focal',
  utility_share: 'utility_share_focal',
  deal_rate: 'deal',
  agreement_round: 'round',
};

export function heatmapResult(grid: SweepGrid, metric: ResultMetric): HeatmapResult {
  return {
    sweepId: grid.sweepId,
    metric,
    capabilityMetric: grid.capabilityMetric,
    x: grid.x,
    y: grid.y,
    cells: grid.cells.map(({ sd: _sd, ...c }) => c),
    capabilityMetrics: grid.capabilityMetrics,
    games: grid.games,
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
