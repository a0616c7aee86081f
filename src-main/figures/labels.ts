// Axis labels with units for the analysis columns, so a figure made from a spec that names only
// columns still reads well in a paper. A spec's own labels always win.

const METRIC_LABELS: Record<string, string> = {
  utility_focal: 'Focal utility (discounted, points)',
  utility_focal_raw: 'Focal utility (undiscounted, points)',
  utility_opponent: 'Opponent utility (discounted, points)',
  utility_share_focal: 'Focal share of total utility',
  deal: 'Deal rate',
  round: 'Round of agreement',
  social_welfare: 'Social welfare (discounted, points)',
  social_welfare_raw: 'Social welfare (undiscounted, points)',
  max_welfare: 'Maximum welfare (points)',
  welfare_ratio: 'Welfare / maximum welfare',
  welfare_ratio_raw: 'Welfare / maximum (undiscounted)',
  nbs_utility_focal: 'Focal utility at the Nash point (points)',
  nbs_distance: 'Distance from the Nash point (points)',
  nbs_distance_raw: 'Distance from the Nash point, undiscounted (points)',
  exploitation_focal: 'Exploitation index of the focal agent',
  exploitation_focal_raw: 'Exploitation index, undiscounted',
  exploitation_opponent: 'Exploitation index of the opponent',
  pareto_optimal: 'Pareto-optimal deals (fraction)',
  pareto_gap: 'Pareto gap (points)',
  min_max_fairness: 'Min/max fairness',
  gini: 'Gini coefficient',
  invalid_proposals: 'Invalid proposals per game',
  synthetic_votes: 'Synthetic votes per game',
  parse_failures: 'Parse failures per game',
  invalid_focal: 'Invalid actions of the focal agent',
  calls: 'Model calls per game',
  input_tokens: 'Input tokens per game',
  output_tokens: 'Output tokens per game',
  cost_usd: 'Cost per game (USD)',
};

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
  if (column in METRIC_LABELS) return METRIC_LABELS[column];
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
