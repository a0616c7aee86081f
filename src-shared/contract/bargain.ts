// The two-party games' figures on the results screen (DESIGN 3.4, 3.5, 10): concession curves
// against one fixed opponent and the matchup grid, computed by the same analysis code as the
// `parley figures` types "concession" and "matchup".
import { z } from 'zod';
import type { GameKind } from '../game';
import { nullableNumber } from './common';

/** The games these figures are drawn for: the two-party alternating-offers games. */
export const BARGAIN_FIGURE_KINDS: readonly GameKind[] = [
  'price',
  'ultimatum',
  'resource-exchange',
];

const curvePoint = z.object({
  turn: z.number(),
  n: z.number(),
  mean: nullableNumber,
  ciLow: nullableNumber,
  ciHigh: nullableNumber,
});

const summary = z.object({
  n: z.number(),
  mean: nullableNumber,
  sd: nullableNumber,
  ciLow: nullableNumber,
  ciHigh: nullableNumber,
});

export const bargainFiguresResultSchema = z.object({
  sweepId: z.string(),
  /** Null when the sweep's games are not a two-party game these figures are drawn for. */
  concession: z
    .object({
      opponent: z.string(),
      /** Other opponents of the sweep, to pick one of. */
      otherOpponents: z.array(z.string()),
      /** The y axis: what an offer asks for the seat that makes it, in the game's terms. */
      yLabel: z.string(),
      series: z.array(z.object({ id: z.string(), points: z.array(curvePoint) })),
      games: z.number(),
    })
    .nullable(),
  matchup: z
    .object({
      /** The mean shown per cell: the price for the price game, the first role's payoff else. */
      metric: z.string(),
      metricLabel: z.string(),
      roles: z.tuple([z.string(), z.string()]),
      rows: z.array(z.string()),
      cols: z.array(z.string()),
      cells: z.array(
        z.object({
          row: z.string(),
          col: z.string(),
          games: z.number(),
          value: summary.nullable(),
          dealRate: z.number(),
        }),
      ),
    })
    .nullable(),
  /** Why a figure is missing (e.g. "not a two-party game"), for the screen to say. */
  notes: z.array(z.string()),
});
export type BargainFiguresResult = z.infer<typeof bargainFiguresResultSchema>;

const bargainFiguresArgs = z
  .object({
    sweepId: z.string().min(1),
    /** The fixed opponent of the concession curves; default the sweep's most common one. */
    opponent: z.string().min(1).optional(),
  })
  .strict();

export const bargainRequests = {
  /** Concession curves and the matchup grid of a price, ultimatum or resource-exchange sweep. */
  'results:bargainFigures': { args: bargainFiguresArgs, result: bargainFiguresResultSchema },
};
