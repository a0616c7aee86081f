// Axis labels with units for the analysis columns, so a figure made from a spec that names only
// columns still reads well in a paper. A spec's own labels always win. Metric labels and units
// come from the metric vocabulary (src-shared/metrics.ts).
import { isMetricId, metricAxisLabel, metricDef } from '../../src-shared/metrics';
import type { IncentiveAxis } from '../sweeps/incentive-cells';

const DIMENSION_LABELS: Record<string, string> = {
  competition_level: 'Competition level',
  rho: 'Position correlation rho',
  theta: 'Weight similarity theta',
  order: 'Speaking order',
  focal_id: 'Focal model',
  opponent_id: 'Opponent',
  focal_family: 'Focal family',
  focal_developer: 'Focal developer',
  n_agents: 'Agents',
};

/** " (arena elo)" after a capability label; nothing for the sweep's own metric. */
function axisSuffix(axis: string): string {
  if (axis === 'sweep') return '';
  return ` (${axis === 'registry_order' ? 'registry order' : axis.replace(/_/g, ' ')})`;
}

/** A readable label for a column; capability columns name the axis they are measured on. */
export function columnLabel(column: string, capabilityAxis = 'sweep'): string {
  if (isMetricId(column)) return metricAxisLabel(metricDef(column));
  if (column in DIMENSION_LABELS) return DIMENSION_LABELS[column];
  const axis = axisSuffix(capabilityAxis);
  if (column === 'focal_capability') return `Focal capability${axis}`;
  if (column === 'opponent_capability') return `Opponent capability${axis}`;
  if (column === 'baseline_capability') return `Baseline capability${axis}`;
  if (column === 'capability_gap') return `Capability gap, focal - opponent${axis}`;
  if (column.startsWith('focal_score_'))
    return `Focal ${column.slice('focal_score_'.length).replace(/_/g, ' ')}`;
  return column.replace(/_/g, ' ');
}

/** How a figure names its columns and their values. */
/** A cell's value as a category of an axis or a table: a number, else its text ('n/a' for none). */
export type Category = number | string;
export const asCategory = (v: unknown): Category =>
  typeof v === 'number' ? v : v === null || v === undefined ? 'n/a' : String(v);

export interface FigureLabels {
  /** The axis, legend or table header of a column. */
  column: (column: string) => string;
  /** A value as printed on a tick, in a legend or in a table cell. */
  value: (column: string, value: number | string) => number | string;
}

/**
 * The labels of a figure on this capability axis; `levels` names the competition levels of an
 * incentive sweep (incentive-cells.ts), so its figures read "greedy" where others read "1".
 */
export function figureLabels(capabilityAxis: string, levels: IncentiveAxis | null): FigureLabels {
  const isLevel = (column: string) => levels !== null && column === 'competition_level';
  return {
    column: (column) =>
      isLevel(column)
        ? levels!.title.charAt(0).toUpperCase() + levels!.title.slice(1)
        : columnLabel(column, capabilityAxis),
    value: (column, value) =>
      isLevel(column) && typeof value === 'number' ? levels!.label(value) : value,
  };
}
