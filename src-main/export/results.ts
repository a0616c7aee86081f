// The seed pipeline's per-game output for a sweep: one flat row per game (results.csv), derived
// from the store; nothing is recomputed. Per-cell summaries come from analysis/cells.ts.
import { stringify } from 'csv-stringify/sync';
import { focalSeatOf } from '../../src-shared/planned-game';
import type { Store } from '../store/store';
import type { ResultGameRow } from '../store/types';

/** One game as a flat record; utilities are the discounted ones the outcome stores. */
export interface ResultRow {
  game_id: string;
  kind: string;
  status: string;
  models: string;
  focal_id: string;
  focal_capability: number | null;
  capabilities: string;
  competition_level: number;
  rho: number | null;
  theta: number | null;
  realised_cosine: number | null;
  order: string;
  seed: number;
  run_index: number;
  deal: boolean | null;
  round: number | null;
  utilities: string;
  utility_focal: number | null;
  utility_others_mean: number | null;
  utility_share_focal: number | null;
  invalid_proposals: number;
  synthetic_votes: number;
  parse_failures: number;
  /** The file an imported game was read from; empty for games Parley played. */
  source: string;
}

/** Flatten a stored game into a result row. The focal agent is the first seat holding focalId. */
export function toResultRow(g: ResultGameRow, source: string = ''): ResultRow {
  const focalSeat = focalSeatOf(g) ?? -1;
  const utils = g.outcome?.utilities ?? null;
  const focalU = utils && focalSeat >= 0 ? utils[focalSeat] : null;
  const others = utils ? utils.filter((_, i) => i !== focalSeat) : [];
  const sum = utils ? utils.reduce((a, b) => a + b, 0) : 0;
  const cosines = g.cosines;
  const sumOf = (xs: number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);
  return {
    game_id: g.id,
    kind: g.kind,
    status: g.status,
    models: g.participants.map((p) => p.id).join(';'),
    focal_id: g.focalId,
    focal_capability: g.focalCapability,
    capabilities: g.capabilities.map((c) => (c === null ? '' : String(c))).join(';'),
    competition_level: g.competitionLevel,
    rho: g.rho,
    theta: g.theta,
    realised_cosine: cosines && cosines.length > 0 ? round(mean(cosines), 6) : null,
    order: g.order,
    seed: g.seed,
    run_index: g.runIndex,
    deal: g.outcome ? g.outcome.deal : null,
    round: g.outcome?.round ?? null,
    utilities: utils ? utils.map((u) => round(u, 6)).join(';') : '',
    utility_focal: focalU === null ? null : round(focalU, 6),
    utility_others_mean: others.length > 0 ? round(mean(others), 6) : null,
    utility_share_focal: utils && focalU !== null && sum > 0 ? round(focalU / sum, 6) : null,
    invalid_proposals: sumOf(g.outcome?.invalidProposals),
    synthetic_votes: sumOf(g.outcome?.syntheticVotes),
    parse_failures: sumOf(g.outcome?.parseFailures),
    source,
  };
}

/**
 * {value: rank} of strings in localeCompare order, equal ones sharing a rank, so that SQLite
 * orders by the ranks exactly as a JS sort by localeCompare would (not by its byte collation).
 */
function localeRanks(values: readonly string[]): string {
  const sorted = [...values].sort((a, b) => a.localeCompare(b));
  const ranks: Record<string, number> = {};
  let rank = 0;
  sorted.forEach((v, i) => {
    if (i > 0 && sorted[i - 1].localeCompare(v) !== 0) rank = i;
    ranks[v] = rank;
  });
  return JSON.stringify(ranks);
}

/**
 * Games read per page when streaming the result rows. A page is live while its rows are
 * written, so every young-generation GC during it promotes the page to the old generation: a
 * small page keeps that garbage small (issue 15).
 */
const PAGE = 100;

/**
 * All games of a sweep as result rows in a stable order: focal capability (unknown last), focal
 * id, competition level, order, run; ties keep store order. SQLite sorts the games' rowids and
 * hands them over as they are read; the games are read a page at a time, so nothing here grows
 * with the sweep.
 */
export function* streamResultRows(store: Store, sweepId: string): Generator<ResultRow> {
  const imports = store.sweepImports(sweepId);
  const { focalIds, orders } = store.resultOrderValues(sweepId);
  const page: number[] = [];
  const rowsOf = function* () {
    for (const g of store.resultGamesAt(page))
      yield toResultRow(g, imports.get(g.id)?.sourceFile ?? '');
    page.length = 0;
  };
  for (const row of store.iterateResultOrder({
    sweepId,
    focalRanks: localeRanks(focalIds),
    orderRanks: localeRanks(orders),
  })) {
    page.push(row);
    if (page.length === PAGE) yield* rowsOf();
  }
  yield* rowsOf();
}

/** All games of a sweep as result rows (streamResultRows, gathered). */
export function resultRows(store: Store, sweepId: string): ResultRow[] {
  return [...streamResultRows(store, sweepId)];
}

/** The CSV options of results.csv. */
export const RESULTS_CSV = {
  header: true,
  cast: { boolean: (v: boolean) => (v ? 'true' : 'false') },
} as const;

export function resultsCsv(rows: ResultRow[]): string {
  return stringify(rows as unknown as Record<string, unknown>[], RESULTS_CSV);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
