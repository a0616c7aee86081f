// Read-only aggregate queries for the analysis views: per-cell sums computed inside SQLite over
// plain columns (so a heatmap over 100,000 games parses no JSON) and token usage by model/phase.
import type { Sql } from './sql';
import type { ParticipantSpec } from '../../src-shared/participant';
import type {
  CellAggregateRow,
  CellGameRow,
  CellMetric,
  LineupRow,
  Store,
  UsageGroupRow,
} from './types';

type AnalysisMethods = Pick<
  Store,
  | 'cellAggregates'
  | 'callUsage'
  | 'cellGames'
  | 'iterateCellGames'
  | 'iterateResultOrder'
  | 'resultOrderValues'
  | 'withReadCache'
  | 'sweepLineups'
>;

const CELL_GAMES_SQL = `SELECT g.focal_id AS focalId, g.focal_capability AS focalCapability,
    g.competition_level AS competitionLevel, g.status AS status,
    g.deal AS deal, g.agreement_round AS agreementRound, g.focal_utility AS focalUtility,
    g.social_welfare AS socialWelfare
  FROM sweep_games sg JOIN games g ON g.id = sg.game_id
  WHERE sg.sweep_id = ? ORDER BY g.rowid`;

/**
 * SQL value of each metric per finished game; NULL leaves the game out of that metric. The focal
 * utility and social welfare are columns written when the game finishes (migration 0002).
 */
export const METRIC_SQL: Record<CellMetric, string> = {
  deal: 'g.deal',
  round: 'g.agreement_round',
  utility_focal: 'g.focal_utility',
  social_welfare: 'g.social_welfare',
  utility_share_focal: 'CASE WHEN g.social_welfare > 0 THEN g.focal_utility / g.social_welfare END',
};

export function analysisMethods({ db, stmt }: Sql): AnalysisMethods {
  return {
    cellAggregates({ sweepId, metric }) {
      const expr = METRIC_SQL[metric];
      if (!expr) throw new RangeError(`unknown cell metric "${String(metric)}"`);
      // A sweep that holds every game of the database (one sweep per file, the usual case)
      // needs no join, which is a third of the query's time at 100,000 games.
      const { inSweep, total } = stmt(
        `SELECT (SELECT count(*) FROM sweep_games WHERE sweep_id = ?) AS inSweep,
           (SELECT count(*) FROM games) AS total`,
      ).get(sweepId) as { inSweep: number; total: number };
      const from =
        inSweep === total
          ? 'games g WHERE'
          : 'sweep_games sg JOIN games g ON g.id = sg.game_id WHERE sg.sweep_id = ? AND';
      // Flat, so that SQLite reads the covering index games_cells (migration 0002) in its
      // (status, focal_id, competition_level) order and groups without a sort.
      const sql = `SELECT g.focal_id AS focalId, min(g.focal_capability) AS focalCapability,
           g.competition_level AS competitionLevel, count(*) AS games, count(${expr}) AS n,
           total(${expr}) AS sum, total((${expr}) * (${expr})) AS sumSquares
         FROM ${from} g.status = 'finished'
         GROUP BY g.focal_id, g.competition_level
         ORDER BY g.focal_id, g.competition_level`;
      return (inSweep === total ? stmt(sql).all() : stmt(sql).all(sweepId)) as CellAggregateRow[];
    },

    cellGames({ sweepId }) {
      return stmt(CELL_GAMES_SQL).all(sweepId) as CellGameRow[];
    },

    iterateCellGames({ sweepId }) {
      // Its own statement, not the cached one: two passes may be open at once.
      return db.prepare(CELL_GAMES_SQL).iterate(sweepId) as IterableIterator<CellGameRow>;
    },

    withReadCache(kib, read) {
      const before = db.pragma('cache_size', { simple: true }) as number;
      db.pragma(`cache_size = ${-Math.max(1, Math.round(kib))}`);
      try {
        return read();
      } finally {
        db.pragma(`cache_size = ${before}`);
      }
    },

    resultOrderValues(sweepId) {
      const values = (column: string) =>
        stmt(
          `SELECT DISTINCT g.${column} FROM sweep_games sg JOIN games g ON g.id = sg.game_id
           WHERE sg.sweep_id = ?`,
        )
          .pluck()
          .all(sweepId) as string[];
      return { focalIds: values('focal_id'), orders: values('order_name') };
    },

    iterateResultOrder({ sweepId, focalRanks, orderRanks }) {
      return db
        .prepare(
          `SELECT g.rowid FROM sweep_games sg JOIN games g ON g.id = sg.game_id
           JOIN json_each(?) f ON f.key = g.focal_id
           JOIN json_each(?) o ON o.key = g.order_name
           WHERE sg.sweep_id = ?
           ORDER BY g.focal_capability IS NULL, g.focal_capability, f.value,
             g.competition_level, o.value, g.run_index, g.rowid`,
        )
        .pluck()
        .iterate(focalRanks, orderRanks, sweepId) as IterableIterator<number>;
    },

    sweepLineups({ sweepId, finishedOnly = false }) {
      const rows = stmt(
        `SELECT g.focal_id AS focalId, g.participants_json AS participants, min(g.rowid) AS first
         FROM sweep_games sg JOIN games g ON g.id = sg.game_id
         WHERE sg.sweep_id = ? AND (? = 0 OR g.status = 'finished')
         GROUP BY g.focal_id, g.participants_json ORDER BY first`,
      ).all(sweepId, finishedOnly ? 1 : 0) as { focalId: string; participants: string }[];
      return rows.map((r): LineupRow => ({
        focalId: r.focalId,
        participants: JSON.parse(r.participants) as ParticipantSpec[],
      }));
    },

    callUsage({ sweepId }) {
      return stmt(
        `SELECT c.model AS model, c.phase AS phase, count(*) AS calls,
           total(c.input_tokens) AS inputTokens, total(c.cache_write_tokens) AS cacheWriteTokens,
           total(c.cache_read_tokens) AS cacheReadTokens, total(c.output_tokens) AS outputTokens,
           total(c.reasoning_tokens) AS reasoningTokens, total(c.cost_usd) AS costUsd
         FROM calls c JOIN sweep_games sg ON sg.game_id = c.game_id AND sg.sweep_id = ?
         GROUP BY c.model, c.phase ORDER BY c.model, c.phase`,
      ).all(sweepId) as UsageGroupRow[];
    },
  };
}
