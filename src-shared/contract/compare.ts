// The comparison domain of the contract: run A against run B (two sweeps, two seat orders of one
// sweep, or two focal models on the same axis) with games paired by cell and seed, and the tags
// and notes a researcher keeps on games.
import { z } from 'zod';
import { nullableNumber, orderSchema } from './common';

/**
 * Per-game metrics a comparison can difference; each is a plain column of the store (migration
 * 0002), so pairing thousands of games parses no JSON.
 */
export const COMPARE_METRICS = [
  'utility_focal',
  'utility_share_focal',
  'social_welfare',
  'deal',
  'round',
] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];

export const COMPARE_METRIC_LABELS: Record<CompareMetric, string> = {
  utility_focal: 'Focal utility (discounted)',
  utility_share_focal: 'Focal share of total utility',
  social_welfare: 'Social welfare (discounted)',
  deal: 'Deal rate',
  round: 'Round of agreement',
};

/**
 * One side of a comparison: a sweep's finished games, optionally only one seat order and/or one
 * focal participant. Pinning the focal participant (on both sides) compares two models on the
 * same competition axis; the capability axis then collapses to one column.
 */
export const compareSideSchema = z
  .object({
    sweepId: z.string().min(1),
    order: orderSchema.optional(),
    focalId: z.string().min(1).optional(),
  })
  .strict();
export type CompareSide = z.infer<typeof compareSideSchema>;

const compareArgs = z
  .object({
    a: compareSideSchema,
    b: compareSideSchema,
    metric: z.enum(COMPARE_METRICS).default('utility_focal'),
    /** Base seed of every cell's bootstrap and Monte Carlo test (each cell derives its own). */
    seed: z.number().int().default(1),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.a.focalId === undefined) !== (v.b.focalId === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [v.a.focalId === undefined ? 'a' : 'b', 'focalId'],
        message: 'pin the focal participant on both sides or on neither',
      });
  });

export const compareCellSchema = z.object({
  /** Index into `x` and `y`. */
  xi: z.number(),
  yi: z.number(),
  /** The column's key: a focal id, or "*" when both sides pin their focal participant. */
  focalKey: z.string(),
  level: z.number(),
  /** Pairs with a value on both sides. */
  n: z.number(),
  meanA: nullableNumber,
  meanB: nullableNumber,
  /** Mean of B - A over the pairs. */
  meanDiff: nullableNumber,
  ciLow: nullableNumber,
  ciHigh: nullableNumber,
  /** Two-sided sign-flip permutation p-value. */
  p: nullableNumber,
  pMethod: z.enum(['exact', 'monte-carlo', 'none']),
  /** Two-sided Wilcoxon signed-rank p-value (zero differences dropped). */
  wilcoxonP: nullableNumber,
  wilcoxonMethod: z.enum(['exact', 'normal', 'none']),
  /** Finished games of A (of B) in the cell with no partner on the other side. */
  unpairedA: z.number(),
  unpairedB: z.number(),
  /** Pairs left out because the metric has no value in one of the two games (e.g. round, no deal). */
  missing: z.number(),
});
export type CompareCell = z.infer<typeof compareCellSchema>;

export const compareResultSchema = z.object({
  metric: z.enum(COMPARE_METRICS),
  /** Capability axis: one column per focal participant (weakest first), or one "A vs B" column. */
  x: z.array(z.object({ focalKey: z.string(), label: z.string(), capability: nullableNumber })),
  /** Competition levels ascending. */
  y: z.array(z.number()),
  cells: z.array(compareCellSchema),
  /** What a pair's key holds, e.g. ["focal", "level", "seed", "order"]. */
  pairedBy: z.array(z.string()),
  pairs: z.number(),
  unpairedA: z.number(),
  unpairedB: z.number(),
  /** Games left out because their side had several games with the same key (named, not guessed). */
  ambiguousA: z.number(),
  ambiguousB: z.number(),
  /** How the p-values were computed, stated for the methods section. */
  test: z.object({
    name: z.literal('sign-flip permutation, two-sided, statistic |sum of differences|'),
    exactMaxPairs: z.number(),
    monteCarloDraws: z.number(),
    bootstrapResamples: z.number(),
    wilcoxon: z.object({
      name: z.literal('Wilcoxon signed-rank, two-sided, zero differences dropped, average ranks'),
      /** Exact distribution up to this many non-zero differences, else normal with ties correction. */
      exactMaxPairs: z.number(),
    }),
  }),
  /** Time the host took, in ms. */
  elapsedMs: z.number(),
});
export type CompareResult = z.infer<typeof compareResultSchema>;

export const comparePairSchema = z.object({
  gameA: z.string(),
  gameB: z.string(),
  focalKey: z.string(),
  level: z.number(),
  seed: z.number(),
  order: orderSchema,
  valueA: nullableNumber,
  valueB: nullableNumber,
  diff: nullableNumber,
  /** Tags of either game. */
  tags: z.array(z.string()),
});
export type ComparePair = z.infer<typeof comparePairSchema>;

export const annotationSchema = z.object({
  gameId: z.string(),
  /** Sorted, distinct. */
  tags: z.array(z.string()),
  note: z.string(),
  /** When the note was last saved; null without a note. */
  noteUpdatedAt: z.string().nullable(),
});
export type Annotation = z.infer<typeof annotationSchema>;

/** A tag: lowercase letters, digits and - _ : . (no spaces, so lists and filters stay simple). */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9_:.-]{0,39}$/;
const tagSchema = z
  .string()
  .regex(TAG_PATTERN, 'a tag is 1-40 lowercase letters, digits or - _ : . (no spaces)');

export const compareRequests = {
  /** The difference heatmap: per cell the paired B - A mean, its CI, n, unpaired counts and p. */
  'compare:grid': { args: compareArgs, result: compareResultSchema },
  /** The pairs of a comparison, optionally of one cell and/or with a tag on either game (paged). */
  'compare:pairs': {
    args: z
      .object({
        a: compareSideSchema,
        b: compareSideSchema,
        metric: z.enum(COMPARE_METRICS).default('utility_focal'),
        focalKey: z.string().min(1).optional(),
        level: z.number().optional(),
        tag: tagSchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    result: z.object({ total: z.number(), rows: z.array(comparePairSchema) }),
  },
  /** Tags and note of each listed game (games without any come back empty). */
  'annotations:get': {
    args: z.object({ gameIds: z.array(z.string().min(1)).min(1).max(1000) }).strict(),
    result: z.array(annotationSchema),
  },
  /** Replaces a game's tags. */
  'annotations:setTags': {
    args: z.object({ gameId: z.string().min(1), tags: z.array(tagSchema).max(50) }).strict(),
    result: annotationSchema,
  },
  /** Replaces a game's note; an empty text deletes it. */
  'annotations:setNote': {
    args: z.object({ gameId: z.string().min(1), text: z.string().max(20_000) }).strict(),
    result: annotationSchema,
  },
  /** Every tag in use with its number of games, most used first. */
  'annotations:tags': {
    args: z.object({}).strict(),
    result: z.array(z.object({ tag: z.string(), games: z.number() })),
  },
};
