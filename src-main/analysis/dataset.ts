// The analysis table of a sweep: one flat row per finished game, holding its sweep dimensions
// (capability of either side and their gap on any axis, competition, order, family, game) and
// every per-game metric of game-metrics.ts, oriented to the focal participant.
import { getGame } from '../../games/index';
import { capabilityOf, type ParticipantSpec } from '../../src-shared/participant';
import type { RegistryModel } from '../registry/registry';
import type { GameRow, Store } from '../store/types';
import { bargainColumns } from './bargain-columns';
import { deliberationColumns } from './deliberation-columns';
import { invalidColumns } from './invalid-columns';
import { computeGameMetrics, type GameMetrics } from './game-metrics';
import { mean } from './stats';

export type AnalysisRow = Record<string, unknown>;

/**
 * The capability axis: 'sweep' uses the scores stored with each game (the sweep's
 * capabilityMetric); 'registry_order' the model's position in the shipped registry; any other
 * name is a score looked up on the participant, then in the registry.
 */
export type CapabilityAxis = string;

export interface DatasetOptions {
  capabilityAxis?: CapabilityAxis;
  /** Registry models, for families, developers, registry order and scores. */
  registry?: readonly RegistryModel[];
}

export interface Dataset {
  rows: AnalysisRow[];
  /** Games of the sweeps that are not finished (left out of every metric). */
  unfinished: number;
  sweepIds: string[];
}

/** Dimension columns a result can be grouped or filtered by. */
export const DIMENSION_COLUMNS = [
  'sweep_id',
  'kind',
  'n_agents',
  'competition_level',
  'rho',
  'theta',
  'order',
  'seed',
  'run_index',
  'focal_id',
  'focal_capability',
  'opponent_id',
  'opponent_capability',
  'capability_gap',
  'focal_developer',
  'focal_family',
  'opponent_family',
  'baseline_id',
  'baseline_capability',
] as const;

function participantInfo(p: ParticipantSpec, registry: ReadonlyMap<string, RegistryModel>) {
  const model = registry.get(p.id);
  if (p.kind === 'strategy') {
    return { developer: 'strategy', family: p.strategy, model };
  }
  return { developer: model?.developer ?? p.provider, family: model?.family ?? p.model, model };
}

/** A seat's capability on the axis; null when the participant has no such score. */
export function seatCapability(
  game: GameRow,
  seat: number,
  axis: CapabilityAxis,
  registry: ReadonlyMap<string, RegistryModel>,
): number | null {
  if (axis === 'sweep') return game.capabilities[seat] ?? null;
  const p = game.participants[seat];
  const model = registry.get(p.id);
  if (axis === 'registry_order') return model?.order ?? null;
  return capabilityOf(p, axis) ?? model?.spec.scores[axis] ?? null;
}

/** The focal participant's scores (registry ones, overridden by the participant's own). */
function focalScores(p: ParticipantSpec, registry: ReadonlyMap<string, RegistryModel>) {
  return { ...registry.get(p.id)?.spec.scores, ...p.scores };
}

/**
 * The focal_score_* columns of the rows of games with these line-ups (focal id and
 * participants), sorted: the columns a table of the rows has, without computing the rows.
 */
export function focalScoreColumns(
  lineups: Iterable<{ focalId: string; participants: readonly ParticipantSpec[] }>,
  registry: readonly RegistryModel[],
): string[] {
  const byId = new Map(registry.map((m) => [m.spec.id, m]));
  const columns = new Set<string>();
  for (const { focalId, participants } of lineups) {
    const seat = Math.max(
      0,
      participants.findIndex((p) => p.id === focalId),
    );
    for (const k of Object.keys(focalScores(participants[seat], byId)))
      columns.add(`focal_score_${k}`);
  }
  return [...columns].sort();
}

const meanOrNull = (xs: readonly (number | null)[]) => {
  const present = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return present.length ? mean(present) : null;
};
const boolToNumber = (b: boolean | null) => (b === null ? null : b ? 1 : 0);

/**
 * Games read per page. A page is live while its rows are computed, so young-generation GCs
 * promote it to the old generation: a small page keeps that garbage small (issue 15).
 */
const DATASET_PAGE = 50;

/** The flat row of one finished game; `usage` is its call totals (null without calls). */
export function gameRow(
  game: GameRow,
  sweepId: string,
  metrics: GameMetrics,
  usage: { calls: number; inputTokens: number; outputTokens: number; costUsd: number } | null,
  options: { axis: CapabilityAxis; registry: ReadonlyMap<string, RegistryModel> },
): AnalysisRow {
  const { axis, registry } = options;
  const n = game.participants.length;
  const seat = Math.max(
    0,
    game.participants.findIndex((p) => p.id === game.focalId),
  );
  const others = [...Array(n).keys()].filter((i) => i !== seat);
  const caps = [...Array(n).keys()].map((i) => seatCapability(game, i, axis, registry));
  const focalCap = caps[seat];
  const opponentCap = others.every((i) => caps[i] !== null)
    ? meanOrNull(others.map((i) => caps[i]))
    : null;
  const focal = participantInfo(game.participants[seat], registry);
  const opponentFamilies = [
    ...new Set(others.map((i) => participantInfo(game.participants[i], registry).family)),
  ];
  const scores = focalScores(game.participants[seat], registry);
  const m = metrics;
  return {
    sweep_id: sweepId,
    game_id: game.id,
    kind: game.kind,
    n_agents: n,
    seed: game.seed,
    run_index: game.runIndex,
    order: game.order,
    competition_level: game.competitionLevel,
    rho: game.rho,
    theta: game.theta,
    focal_id: game.focalId,
    focal_seat: seat,
    focal_capability: focalCap,
    opponent_id: others.map((i) => game.participants[i].id).join(';'),
    opponent_capability: opponentCap,
    capability_gap: focalCap !== null && opponentCap !== null ? focalCap - opponentCap : null,
    focal_developer: focal.developer,
    focal_family: focal.family,
    opponent_family: opponentFamilies.join(';'),
    // With one opponent the baseline is that opponent; line-ups of several have no single one.
    baseline_id: others.length === 1 ? game.participants[others[0]].id : null,
    baseline_capability: others.length === 1 ? caps[others[0]] : null,
    ...Object.fromEntries(Object.entries(scores).map(([k, v]) => [`focal_score_${k}`, v])),
    utility_focal: m.utilities[seat],
    utility_focal_raw: m.rawUtilities[seat],
    utility_opponent: meanOrNull(others.map((i) => m.utilities[i])),
    utility_share_focal: m.utilityShare ? m.utilityShare[seat] : null,
    deal: m.deal ? 1 : 0,
    round: m.round,
    social_welfare: m.socialWelfare,
    social_welfare_raw: m.socialWelfareRaw,
    max_welfare: m.maxWelfare,
    welfare_ratio: m.welfareRatio,
    welfare_ratio_raw: m.welfareRatioRaw,
    nbs_utility_focal: m.nbsUtilities ? m.nbsUtilities[seat] : null,
    nbs_distance: m.distanceFromNbs,
    nbs_distance_raw: m.distanceFromNbsRaw,
    exploitation_focal: m.exploitation ? m.exploitation[seat] : null,
    exploitation_focal_raw: m.exploitationRaw ? m.exploitationRaw[seat] : null,
    exploitation_opponent: m.exploitation
      ? meanOrNull(others.map((i) => m.exploitation![i]))
      : null,
    pareto_optimal: boolToNumber(m.isParetoOptimal),
    pareto_gap: m.paretoGap,
    min_max_fairness: m.minMaxFairness,
    gini: m.gini,
    ...invalidColumns(m, seat),
    ...deliberationColumns(game, seat),
    ...bargainColumns(game, seat),
    calls: usage ? usage.calls : null,
    input_tokens: usage ? usage.inputTokens : null,
    output_tokens: usage ? usage.outputTokens : null,
    cost_usd: usage ? usage.costUsd : null,
    utilities: m.utilities,
    raw_utilities: m.rawUtilities,
    capabilities: caps,
  };
}

/**
 * SQLite's page cache (KiB) for one pass over a whole sweep (store.withReadCache): the pass
 * re-reads no page soon after, and the OS caches the file, so the store's 64 MiB cache would
 * only add memory (issue 15).
 */
export const PASS_CACHE_KIB = 2048;

/** Counts what a streamed dataset left out; filled in as the stream is read. */
export interface DatasetTally {
  unfinished: number;
}

/**
 * The analysis rows of the given sweeps' finished games, one at a time: the games are read a
 * page at a time, so a caller that keeps only what it needs runs in bounded memory. A game
 * shared by two sweeps appears once per sweep (each row names its sweep).
 */
export function* streamDataset(
  store: Store,
  sweepIds: readonly string[],
  options: DatasetOptions = {},
  tally: DatasetTally = { unfinished: 0 },
): Generator<AnalysisRow> {
  const axis = options.capabilityAxis ?? 'sweep';
  const registry = new Map((options.registry ?? []).map((m) => [m.spec.id, m]));
  for (const sweepId of sweepIds) {
    for (const page of store.gamePages(sweepId, DATASET_PAGE)) {
      for (const game of page) {
        if (game.status !== 'finished' || !game.outcome) {
          tally.unfinished++;
          continue;
        }
        yield datasetRow(store, game, sweepId, axis, registry);
      }
    }
  }
}

function datasetRow(
  store: Store,
  game: GameRow,
  sweepId: string,
  axis: CapabilityAxis,
  registry: ReadonlyMap<string, RegistryModel>,
): AnalysisRow {
  const outcome = game.outcome!;
  const definition = getGame(game.kind);
  const instance =
    game.instance ??
    definition.create(definition.paramsSchema.parse(game.params), game.nAgents, game.seed);
  const totals = store.callTotals({ gameId: game.id });
  const usage = totals.calls > 0 ? totals : null;
  const metrics = computeGameMetrics(definition, instance, outcome, game.protocol.gamma, {
    ...(usage
      ? {
          tokens: { input: usage.inputTokens, output: usage.outputTokens },
          costUsd: usage.costUsd,
        }
      : {}),
  });
  // The realised instance, also for a game stored before instances were (the focal incentive).
  return gameRow({ ...game, instance }, sweepId, metrics, usage, { axis, registry });
}

/**
 * The analysis rows of the given sweeps' finished games (streamDataset, gathered). A game
 * shared by two sweeps appears once per sweep (each row names its sweep), so sweeps can be
 * compared side by side.
 */
export function loadDataset(
  store: Store,
  sweepIds: readonly string[],
  options: DatasetOptions = {},
): Dataset {
  const tally: DatasetTally = { unfinished: 0 };
  const rows = [...streamDataset(store, sweepIds, options, tally)];
  return { rows, unfinished: tally.unfinished, sweepIds: [...sweepIds] };
}

/** The columns of rows streamed by: every column some row had, and the first row's arrays. */
export class ColumnTally {
  readonly columns = new Set<string>();
  /** The columns of the first row that held an array (never grouping columns). */
  arrays = new Set<string>();
  rows = 0;
  private shape = '';

  add(row: AnalysisRow): void {
    const keys = Object.keys(row);
    if (this.rows++ === 0) this.arrays = new Set(keys.filter((k) => Array.isArray(row[k])));
    // Rows of one shape share their keys: the union grows only when the shape changes.
    const text = keys.join(',');
    if (text !== this.shape) {
      this.shape = text;
      for (const k of keys) this.columns.add(k);
    }
  }
}

export type FilterValue =
  | string
  | number
  | boolean
  | null
  | (string | number | boolean | null)[]
  | { min?: number; max?: number };

/**
 * Keep rows matching every filter: a value (equality, numbers compared as numbers), a list
 * (any of), or {min, max} (inclusive). Throws naming a column no row has.
 */
export function applyFilters(
  rows: readonly AnalysisRow[],
  filters: Record<string, FilterValue> = {},
): AnalysisRow[] {
  const columns = new Set(rows.flatMap((r) => Object.keys(r)));
  if (rows.length > 0) checkFilterColumns(filters, columns);
  return rows.filter((row) => rowMatches(row, filters));
}

/** Throws naming a filter column that is not one of `columns`. */
export function checkFilterColumns(
  filters: Record<string, FilterValue> = {},
  columns: ReadonlySet<string>,
): void {
  for (const column of Object.keys(filters)) {
    if (!columns.has(column)) {
      throw new Error(
        `filter column "${column}" not found; columns: ${[...columns].sort().join(', ')}`,
      );
    }
  }
}

const same = (a: unknown, b: unknown) =>
  a === b || (a !== null && b !== null && a !== undefined && String(a) === String(b));

/** Whether the row matches every filter (applyFilters' test of one row). */
export function rowMatches(row: AnalysisRow, filters: Record<string, FilterValue> = {}): boolean {
  for (const column in filters) {
    const f = filters[column];
    const v = row[column];
    if (Array.isArray(f)) {
      if (!f.some((x) => same(v, x))) return false;
    } else if (f !== null && typeof f === 'object') {
      if (typeof v !== 'number') return false;
      if (!((f.min === undefined || v >= f.min) && (f.max === undefined || v <= f.max)))
        return false;
    } else if (!same(v, f)) return false;
  }
  return true;
}
