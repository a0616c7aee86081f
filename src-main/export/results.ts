// The seed pipeline's collected outputs for a sweep: one flat row per game (results.csv) and a
// per-cell summary (summary.json). Rows are derived from the store; nothing is recomputed.
import { stringify } from 'csv-stringify/sync';
import { focalSeatOf } from '../../src-shared/planned-game';
import type { Store } from '../store/store';
import type { GameRow } from '../store/types';

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
export function toResultRow(g: GameRow): ResultRow {
  const focalSeat = focalSeatOf(g) ?? -1;
  const utils = g.outcome?.utilities ?? null;
  const focalU = utils && focalSeat >= 0 ? utils[focalSeat] : null;
  const others = utils ? utils.filter((_, i) => i !== focalSeat) : [];
  const sum = utils ? utils.reduce((a, b) => a + b, 0) : 0;
  const cosines = (g.instance?.realised as { cosines?: number[] } | undefined)?.cosines;
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
    source: '',
  };
}

/** All games of a sweep as result rows, in a stable order (cell, order, run). */
export function resultRows(store: Store, sweepId: string): ResultRow[] {
  const imports = store.sweepImports(sweepId);
  return store
    .listGames({ sweepId })
    .map((g) => ({ ...toResultRow(g), source: imports.get(g.id)?.sourceFile ?? '' }))
    .sort(
      (a, b) =>
        (a.focal_capability ?? 0) - (b.focal_capability ?? 0) ||
        a.focal_id.localeCompare(b.focal_id) ||
        a.competition_level - b.competition_level ||
        a.order.localeCompare(b.order) ||
        a.run_index - b.run_index,
    );
}

export function resultsCsv(rows: ResultRow[]): string {
  return stringify(rows as unknown as Record<string, unknown>[], {
    header: true,
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
}

/** Per-cell summary: n, mean discounted utility of the focal side and of the others, deal rate. */
export interface CellSummary {
  focal_id: string;
  focal_capability: number | null;
  competition_level: number;
  n: number;
  n_finished: number;
  mean_utility_focal: number | null;
  mean_utility_others: number | null;
  deal_rate: number | null;
  mean_agreement_round: number | null;
}

export function summarizeCells(rows: ResultRow[]): CellSummary[] {
  const cells = new Map<string, ResultRow[]>();
  for (const r of rows) {
    const key = `${r.focal_id}\u0000${r.competition_level}`;
    const list = cells.get(key) ?? [];
    list.push(r);
    cells.set(key, list);
  }
  return [...cells.values()].map((list) => {
    const done = list.filter((r) => r.status === 'finished');
    const agreed = done.filter((r) => r.deal);
    const pick = (f: (r: ResultRow) => number | null) =>
      done.map(f).filter((v): v is number => v !== null);
    return {
      focal_id: list[0].focal_id,
      focal_capability: list[0].focal_capability,
      competition_level: list[0].competition_level,
      n: list.length,
      n_finished: done.length,
      mean_utility_focal: maybeMean(pick((r) => r.utility_focal)),
      mean_utility_others: maybeMean(pick((r) => r.utility_others_mean)),
      deal_rate: done.length > 0 ? round(agreed.length / done.length, 6) : null,
      mean_agreement_round: maybeMean(agreed.map((r) => r.round ?? 0)),
    };
  });
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function maybeMean(xs: number[]): number | null {
  return xs.length > 0 ? round(mean(xs), 6) : null;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
