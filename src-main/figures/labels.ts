// Axis labels with units for the analysis columns, so a figure made from a spec that names only
// columns still reads well in a paper. A spec's own labels always win. Metric labels and units
// come from the metric vocabulary (src-shared/metrics.ts).
import { isMetricId, metricAxisLabel, metricDef } from '../../src-shared/metrics';

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
