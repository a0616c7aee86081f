// The metric vocabulary: every per-game metric Parley reports, named once. The results screen,
// `parley analyze`, figures and exports take ids, labels, units and digits from here; the values
// themselves come from src-main/analysis (game-metrics.ts, dataset.ts). A new metric is one entry.
import { GAME_KINDS, type GameKind } from './game';

/** Whether a larger value is better for the agent (or the group) the metric describes. */
export type MetricDirection = 'higher' | 'lower' | 'neither';

/**
 * 'agent': measured for one seat, oriented to the focal participant (or its opponents);
 * 'game': one value for the whole game.
 */
export type MetricScope = 'agent' | 'game';

export interface MetricDef {
  id: string;
  /** Short label for screens and legends. */
  label: string;
  /** Unit printed on figure axes; null for counts, rates and ratios that need none. */
  unit: string | null;
  /** Decimals a cell's mean and interval are printed with. */
  digits: number;
  direction: MetricDirection;
  /** Game kinds whose games have the metric. */
  games: readonly GameKind[];
  scope: MetricScope;
  /**
   * True when the store keeps the per-game value in a plain column (migration 0002), so a grid
   * of any sweep size is computed without parsing games: what the results screen offers.
   */
  stored: boolean;
}

const ALL = GAME_KINDS;
/** The propose-and-vote games, whose outcome space gives welfare, Nash and Pareto references. */
const BARGAIN: readonly GameKind[] = ['item-allocation', 'treaty', 'cofunding'];
const DELIBERATION: readonly GameKind[] = ['deliberation'];
/** Single-issue price (DESIGN 3.4): a seller and a buyer with reservations s and b. */
const PRICE: readonly GameKind[] = ['price'];
/** The two-party alternating-offers games (DESIGN 3.4, 3.5). */
const ALTERNATING: readonly GameKind[] = ['price', 'ultimatum', 'resource-exchange'];

/** How a cell's 95% interval is computed: percentile bootstrap of the mean (2000 resamples, seeded per cell) or mean +- t SD/sqrt(n). */
export const CI_METHODS = ['bootstrap', 't'] as const;
export type CiMethod = (typeof CI_METHODS)[number];

/** Every metric, in the order `parley analyze --view columns` lists them. */
export const METRICS = [
  m('utility_focal', 'Focal utility (discounted)', 'points', 1, 'higher', 'agent', true),
  m('utility_focal_raw', 'Focal utility (undiscounted)', 'points', 1, 'higher', 'agent'),
  m('utility_opponent', 'Opponent utility (discounted)', 'points', 1, 'neither', 'agent'),
  m('utility_share_focal', 'Focal share of total utility', null, 2, 'higher', 'agent', true),
  m('deal', 'Deal rate', null, 2, 'higher', 'game', true),
  m('round', 'Round of agreement', null, 1, 'lower', 'game', true),
  m('social_welfare', 'Social welfare (discounted)', 'points', 1, 'higher', 'game', true),
  m('social_welfare_raw', 'Social welfare (undiscounted)', 'points', 1, 'higher', 'game'),
  m('max_welfare', 'Maximum welfare', 'points', 1, 'neither', 'game', false, BARGAIN),
  m('welfare_ratio', 'Welfare / maximum welfare', null, 2, 'higher', 'game', false, BARGAIN),
  m(
    'welfare_ratio_raw',
    'Welfare / maximum (undiscounted)',
    null,
    2,
    'higher',
    'game',
    false,
    BARGAIN,
  ),
  m(
    'nbs_utility_focal',
    'Focal utility at the Nash point',
    'points',
    1,
    'neither',
    'agent',
    false,
    BARGAIN,
  ),
  m('nbs_distance', 'Distance from the Nash point', 'points', 1, 'lower', 'game', false, BARGAIN),
  m(
    'nbs_distance_raw',
    'Distance from the Nash point, undiscounted',
    'points',
    1,
    'lower',
    'game',
    false,
    BARGAIN,
  ),
  m(
    'exploitation_focal',
    'Exploitation index of the focal agent',
    null,
    2,
    'higher',
    'agent',
    false,
    BARGAIN,
  ),
  m(
    'exploitation_focal_raw',
    'Exploitation index, undiscounted',
    null,
    2,
    'higher',
    'agent',
    false,
    BARGAIN,
  ),
  m(
    'exploitation_opponent',
    'Exploitation index of the opponent',
    null,
    2,
    'lower',
    'agent',
    false,
    BARGAIN,
  ),
  m('pareto_optimal', 'Pareto-optimal deals', 'fraction', 2, 'higher', 'game', false, BARGAIN),
  m('pareto_gap', 'Pareto gap', 'points', 1, 'lower', 'game', false, BARGAIN),
  m('min_max_fairness', 'Min/max fairness', null, 2, 'higher', 'game'),
  m('gini', 'Gini coefficient', null, 2, 'lower', 'game'),
  m('invalid_proposals', 'Invalid proposals per game', null, 2, 'lower', 'game'),
  m('synthetic_votes', 'Synthetic votes per game', null, 2, 'lower', 'game', false, BARGAIN),
  m('parse_failures', 'Parse failures per game', null, 2, 'lower', 'game'),
  m('invalid_focal', 'Invalid actions of the focal agent', null, 2, 'lower', 'agent'),
  m('calls', 'Model calls per game', null, 1, 'lower', 'game'),
  m('input_tokens', 'Input tokens per game', null, 0, 'lower', 'game'),
  m('output_tokens', 'Output tokens per game', null, 0, 'lower', 'game'),
  m('cost_usd', 'Cost per game', 'USD', 4, 'lower', 'game'),
  // The published evaluation of deliberation games (DESIGN 3.6), oriented to the focal seat.
  m(
    'passing_deal_any_turn',
    'A passing deal at any turn',
    'fraction',
    2,
    'higher',
    'game',
    false,
    DELIBERATION,
  ),
  m(
    'final_deal_passes',
    "p1's final deal passes",
    'fraction',
    2,
    'higher',
    'game',
    false,
    DELIBERATION,
  ),
  m('all_agree', 'All parties agree', 'fraction', 2, 'higher', 'game', false, DELIBERATION),
  m('wrong_deals', 'Wrong deals per game', null, 2, 'lower', 'game', false, DELIBERATION),
  m(
    'wrong_deals_focal',
    'Wrong deals of the focal party',
    null,
    2,
    'lower',
    'agent',
    false,
    DELIBERATION,
  ),
  m(
    'focal_meets_minimum',
    'Focal party meets its minimum',
    'fraction',
    2,
    'higher',
    'agent',
    false,
    DELIBERATION,
  ),
  m(
    'focal_final_score',
    'Focal party score of the final deal',
    'points',
    1,
    'higher',
    'agent',
    false,
    DELIBERATION,
  ),
  m(
    'adversary_success',
    'Adversary succeeds (no deal)',
    'fraction',
    2,
    'neither',
    'game',
    false,
    DELIBERATION,
  ),
  m('feasible_deals', 'Deals that pass (of all)', null, 0, 'neither', 'game', false, DELIBERATION),
  // The price game (DESIGN 3.4) from its stored measures: price and surplus in the preset's
  // currency; shares of the zone b - s (null with no deal or no zone); rho = (p - s) / (b - s)
  // over deals only (the stored -1 of a no-deal game is left out of the mean).
  m('price', 'Agreed price', null, 2, 'neither', 'game', false, PRICE),
  m('seller_surplus', 'Seller surplus (price - cost)', null, 2, 'neither', 'game', false, PRICE),
  m('buyer_surplus', 'Buyer surplus (value - price)', null, 2, 'neither', 'game', false, PRICE),
  m('seller_zone_share', 'Seller share of the zone', null, 2, 'neither', 'game', false, PRICE),
  m('buyer_zone_share', 'Buyer share of the zone', null, 2, 'neither', 'game', false, PRICE),
  m('zone_share_focal', 'Focal share of the zone', null, 2, 'higher', 'agent', false, PRICE),
  m('price_rho', 'Outcome orientation rho (deals)', null, 2, 'neither', 'game', false, PRICE),
  // NegotiationArena's win rate: over deals, 1 when the focal seat's payoff is above the
  // opponent's, 0 below, 0.5 for a tie.
  m('win_focal', 'Focal wins the surplus', 'fraction', 2, 'higher', 'agent', false, ALTERNATING),
  // A deal at a price outside a seat's own reservation (seller below cost, buyer above value);
  // 0 for a no-deal game, so the mean is the share of games with such a deal.
  m(
    'irrational_seller',
    'Irrational deals of the seller',
    'fraction',
    2,
    'lower',
    'game',
    false,
    PRICE,
  ),
  m(
    'irrational_buyer',
    'Irrational deals of the buyer',
    'fraction',
    2,
    'lower',
    'game',
    false,
    PRICE,
  ),
  m(
    'irrational_focal',
    'Irrational deals of the focal agent',
    'fraction',
    2,
    'lower',
    'agent',
    false,
    PRICE,
  ),
] as const satisfies readonly MetricDef[];

function m<const Id extends string>(
  id: Id,
  label: string,
  unit: string | null,
  digits: number,
  direction: MetricDirection,
  scope: MetricScope,
  stored = false,
  games: readonly GameKind[] = ALL,
): MetricDef & { id: Id } {
  return { id, label, unit, digits, direction, games, scope, stored };
}

export type MetricId = (typeof METRICS)[number]['id'];

export const METRIC_IDS: readonly MetricId[] = METRICS.map((d) => d.id);

/** The metrics the store holds in plain columns: those the results screen can grid. */
export const STORED_METRIC_IDS = METRICS.filter((d) => d.stored).map((d) => d.id) as [
  MetricId,
  ...MetricId[],
];

/**
 * Metrics the results screen grids besides the stored ones, read from each game's outcome: those
 * of the alternating-offers games (their sweeps are small enough to load) and the invalid
 * actions (invalid offers and proposals) of any game.
 */
export const OUTCOME_GRID_METRIC_IDS = METRICS.filter(
  (d) =>
    (!d.stored && d.games.every((g) => ALTERNATING.includes(g))) ||
    d.id === 'invalid_proposals' ||
    d.id === 'invalid_focal',
).map((d) => d.id);

/** Every metric the results screen can grid: the stored ones, then the outcome-read ones. */
export const GRID_METRIC_IDS = [...STORED_METRIC_IDS, ...OUTCOME_GRID_METRIC_IDS] as [
  MetricId,
  ...MetricId[],
];

/** Of `ids`, the metrics a game kind has (all of them for an unknown kind). */
export function metricsOfGame<T extends MetricId>(ids: readonly T[], kind: GameKind | null): T[] {
  if (kind === null) return [...ids];
  return ids.filter((id) => metricDef(id).games.includes(kind));
}

const BY_ID = new Map<string, MetricDef>(METRICS.map((d) => [d.id, d]));

export function isMetricId(id: string): id is MetricId {
  return BY_ID.has(id);
}

/** The definition of a metric; throws naming the known ids for an unknown one. */
export function metricDef(id: string): MetricDef {
  const def = BY_ID.get(id);
  if (!def) throw new RangeError(`unknown metric "${id}"; known: ${METRIC_IDS.join(', ')}`);
  return def;
}

/** Decimals for a metric; 2 for a column that is not in the vocabulary. */
export function metricDigits(id: string): number {
  return BY_ID.get(id)?.digits ?? 2;
}

/** The label with its unit, for an axis: "Focal utility (discounted, points)", "Pareto gap (points)". */
export function metricAxisLabel(def: MetricDef): string {
  if (def.unit === null) return def.label;
  return def.label.endsWith(')')
    ? `${def.label.slice(0, -1)}, ${def.unit})`
    : `${def.label} (${def.unit})`;
}
