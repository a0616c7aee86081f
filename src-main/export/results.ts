// The seed pipeline's per-game output for a sweep: one flat row per game (results.csv), derived
// from the store; nothing is recomputed. Per-cell summaries come from analysis/cells.ts.
import { stringify } from 'csv-stringify/sync';
import { compareValues } from '../analysis/cells';
import { focalSeatOf } from '../../src-shared/planned-game';
import type { Store } from '../store/store';
import type { GameOrderKey, ResultGameRow } from '../store/types';

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

/** Result order: cell (unknown capabilities last), order, run; ties keep store order. */
function compareKeys(a: GameOrderKey, b: GameOrderKey): number {
  return (
    compareValues(a.focalCapability, b.focalCapability) ||
    a.focalId.localeCompare(b.focalId) ||
    a.competitionLevel - b.competitionLevel ||
    a.order.localeCompare(b.order) ||
    a.runIndex - b.runIndex
  );
}

/**
 * Games read per page when streaming the result rows. A page is live while its rows are
 * written, so every young-generation GC during it promotes the page to the old generation: a
 * small page keeps that garbage small (issue 15).
 */
const PAGE = 100;

/**
 * All games of a sweep as result rows, in a stable order (cell, order, run); unknown
 * capabilities last. Only the sort keys of every game are held at once; the games are read a
 * page at a time, so this streams at any sweep size.
 */
export function* streamResultRows(store: Store, sweepId: string): Generator<ResultRow> {
  const imports = store.sweepImports(sweepId);
  const order = store
    .gameOrderKeys(sweepId)
    .sort(compareKeys)
    .map((k) => k.row);
  for (let i = 0; i < order.length; i += PAGE) {
    for (const g of store.resultGamesAt(order.slice(i, i + PAGE)))
      yield toResultRow(g, imports.get(g.id)?.sourceFile ?? '');
  }
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
