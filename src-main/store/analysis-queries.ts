// Read-only aggregate queries for the analysis views: per-cell sums computed inside SQLite (so a
// heatmap over 100,000 games needs no JSON parsing in JS) and token usage grouped by model/phase.
import type { Sql } from './sql';
import type { CellAggregateRow, CellMetric, Store, UsageGroupRow } from './types';

type AnalysisMethods = Pick<Store, 'cellAggregates' | 'callUsage'>;

/** The focal seat found by id in participants_json: a JSON walk per game, so used sparingly. */
const SEAT_BY_ID = `(SELECT CAST(p.key AS INTEGER) FROM json_each(g.participants_json) p
  WHERE p.value ->> 'id' = g.focal_id LIMIT 1)`;

/**
 * Utility of the focal participant. With two seats of different capability the seat is the one
 * whose stored capability is the focal one (capabilities_json is short and cheap to read); equal
 * capabilities and n > 2 look the id up in participants_json.
 */
const FOCAL_UTILITY = `(CASE
  WHEN g.n_agents != 2 THEN g.utilities_json ->> ${SEAT_BY_ID}
  WHEN (g.capabilities_json ->> 0) = g.focal_capability THEN
    CASE WHEN (g.capabilities_json ->> 1) = g.focal_capability THEN g.utilities_json ->> ${SEAT_BY_ID}
    ELSE g.utilities_json ->> 0 END
  WHEN (g.capabilities_json ->> 1) = g.focal_capability THEN g.utilities_json ->> 1
  ELSE g.utilities_json ->> ${SEAT_BY_ID} END)`;
const WELFARE = `(SELECT total(u.value) FROM json_each(g.utilities_json) u)`;

/** SQL value of each metric per finished game; NULL leaves the game out of that metric. */
const METRIC_SQL: Record<CellMetric, string> = {
  deal: 'g.deal',
  round: 'g.agreement_round',
  utility_focal: FOCAL_UTILITY,
  social_welfare: WELFARE,
  utility_share_focal: `(SELECT CASE WHEN w > 0 THEN f / w END FROM (SELECT ${FOCAL_UTILITY} AS f, ${WELFARE} AS w))`,
};

export function analysisMethods({ stmt }: Sql): AnalysisMethods {
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
      // LIMIT -1 keeps the subquery a co-routine: flattened, its expression would be evaluated
      // once per aggregate that uses v.
      const sql = `SELECT g.focal_id AS focalId, min(g.focal_capability) AS focalCapability,
           g.competition_level AS competitionLevel,
           count(*) AS games, count(v) AS n, total(v) AS sum, total(v * v) AS sumSquares
         FROM (SELECT g.focal_id, g.focal_capability, g.competition_level, ${expr} AS v FROM ${from} g.status = 'finished' LIMIT -1) g
         GROUP BY g.focal_id, g.competition_level
         ORDER BY g.focal_id, g.competition_level`;
      return (inSweep === total ? stmt(sql).all() : stmt(sql).all(sweepId)) as CellAggregateRow[];
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
