// The rows a run-vs-run comparison pairs: a sweep's finished games reduced to their pairing key
// (focal participant, competition level, seed, order) and one metric, read from plain columns.
import type { Order } from '../../src-shared/planned-game';
import { METRIC_SQL } from './analysis-queries';
import type { Sql } from './sql';
import type { CellMetric } from './types';

/** One finished game of a comparison side. */
export interface CompareGameRow {
  id: string;
  focalId: string;
  focalCapability: number | null;
  competitionLevel: number;
  seed: number;
  order: Order;
  /** The metric's value; null when the game has none (e.g. round without a deal). */
  value: number | null;
}

export interface CompareQueryMethods {
  /** A sweep's finished games, optionally of one order and one focal participant, in store order. */
  compareGames(query: {
    sweepId: string;
    metric: CellMetric;
    order?: Order;
    focalId?: string;
  }): CompareGameRow[];
}

/** The metric SQL is the heatmap's own (analysis-queries.ts), so both read the same values. */
export function compareQueryMethods({ stmt }: Sql): CompareQueryMethods {
  return {
    compareGames({ sweepId, metric, order, focalId }) {
      const expr = METRIC_SQL[metric];
      if (!expr) throw new RangeError(`unknown cell metric "${String(metric)}"`);
      return stmt(
        `SELECT g.id AS id, g.focal_id AS focalId, g.focal_capability AS focalCapability,
           g.competition_level AS competitionLevel, g.seed AS seed, g.order_name AS "order",
           ${expr} AS value
         FROM sweep_games sg JOIN games g ON g.id = sg.game_id
         WHERE sg.sweep_id = @sweepId AND g.status = 'finished'
           AND (@order IS NULL OR g.order_name = @order)
           AND (@focalId IS NULL OR g.focal_id = @focalId)
         ORDER BY g.rowid`,
      ).all({ sweepId, order: order ?? null, focalId: focalId ?? null }) as CompareGameRow[];
    },
  };
}
