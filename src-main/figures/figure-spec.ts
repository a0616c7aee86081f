// The figure spec `parley figures` reads: every figure of a paper in one JSON file, so they all
// regenerate with one command. Validated with zod; errors name the field path.
import { z } from 'zod';

const filterValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).min(1),
  z
    .object({ min: z.number().optional(), max: z.number().optional() })
    .strict()
    .refine((r) => r.min !== undefined || r.max !== undefined, 'give min, max or both'),
]);

const labels = z
  .object({
    x: z.string().optional(),
    y: z.string().optional(),
    value: z.string().optional(),
    series: z.string().optional(),
  })
  .strict();

const common = {
  /** File name stem: <out>/<id>.<format>. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, . _ - (it becomes a file name)'),
  /** Sweep ids (or unique prefixes) or names; rows of all of them are pooled. */
  sweeps: z.array(z.string().min(1)).min(1).optional(),
  title: z.string().optional(),
  /** Keep rows whose column equals the value, is in the list, or lies in {min, max}. */
  filters: z.record(z.string(), filterValue).optional(),
  /** 'sweep' (the scores stored with the games), 'registry_order', or any score name. */
  capabilityAxis: z.string().min(1).optional(),
  seed: z.number().int().nonnegative().optional(),
};

const widthSchema = z.enum(['column', 'full']);
const figureFormat = z.enum(['pdf', 'svg', 'png']);
const figureCommon = {
  ...common,
  /** column = 3.25 in, full = 6.75 in. */
  width: widthSchema.optional(),
  /** Height in inches; chosen from the content when omitted. */
  height: z.number().positive().max(9).optional(),
  formats: z.array(figureFormat).min(1).optional(),
  metric: z.string().min(1),
  labels: labels.optional(),
};

export const heatmapFigureSchema = z
  .object({
    ...figureCommon,
    type: z.literal('heatmap'),
    x: z.string().min(1).default('competition_level'),
    y: z.string().min(1).default('focal_capability'),
    palette: z.enum(['viridis', 'cividis']).default('viridis'),
    digits: z.number().int().min(0).max(4).default(2),
    annotate: z.boolean().default(true),
  })
  .strict();

export const curvesFigureSchema = z
  .object({
    ...figureCommon,
    type: z.literal('curves'),
    x: z.string().min(1).default('focal_capability'),
    /** One line per value of this column; null draws one line. */
    series: z.string().min(1).nullable().default('competition_level'),
  })
  .strict();

export const scalingFigureSchema = z
  .object({
    ...figureCommon,
    type: z.literal('scaling'),
    x: z.string().min(1).default('focal_capability'),
    /** Points coloured by this column (the fit is pooled over the filtered rows). */
    group: z.string().min(1).nullable().default('competition_level'),
    /** 'cells': one point per (x, group) mean; 'games': one point per game. */
    points: z.enum(['cells', 'games']).default('cells'),
    /** Extend the line and its band to this x. */
    extrapolateTo: z.number().optional(),
  })
  .strict();

export const tableFigureSchema = z
  .object({
    ...common,
    type: z.literal('table'),
    metrics: z.array(z.string().min(1)).min(1),
    by: z.array(z.string().min(1)).min(1),
    /**
     * The columns of `by` that identify a cell for its bootstrap seed (default: all of `by`), e.g.
     * focal_id and competition_level, so a table that also prints focal_capability has the
     * intervals of the results screen and `parley analyze --by focal_id,competition_level`.
     */
    seedBy: z.array(z.string().min(1)).min(1).optional(),
    formats: z
      .array(z.enum(['csv', 'tex']))
      .min(1)
      .optional(),
    /**
     * A column of `by` whose values become the LaTeX table's columns (one metric only): e.g.
     * competition_level gives a capability x level matrix. The CSV stays one row per cell.
     */
    pivot: z.string().min(1).optional(),
    /** Plain text (escaped); the default caption names the metrics, the interval and n. */
    caption: z.string().optional(),
    digits: z.number().int().min(0).max(6).default(2),
  })
  .strict();

/** Two-party games: each strategy's offers over turns against one fixed opponent. */
export const concessionFigureSchema = z
  .object({
    ...figureCommon,
    type: z.literal('concession'),
    /** What is drawn: the surplus each offer asks for the seat that makes it. */
    metric: z.literal('demand').default('demand'),
    /** The fixed opponent (participant id); default the most common opponent of the games. */
    opponent: z.string().min(1).optional(),
  })
  .strict();

/** Two-party games: first role x second role (seller x buyer, RED x BLUE), a metric's mean. */
export const matchupFigureSchema = z
  .object({
    ...figureCommon,
    type: z.literal('matchup'),
    metric: z.string().min(1).default('price'),
    palette: z.enum(['viridis', 'cividis']).default('viridis'),
    digits: z.number().int().min(0).max(4).default(2),
    annotate: z.boolean().default(true),
  })
  .strict();

export const figureSchema = z.discriminatedUnion('type', [
  heatmapFigureSchema,
  curvesFigureSchema,
  scalingFigureSchema,
  tableFigureSchema,
  concessionFigureSchema,
  matchupFigureSchema,
]);

export const figureSpecSchema = z
  .object({
    /** Applied to every figure that does not set the field itself. */
    defaults: z
      .object({
        sweeps: z.array(z.string().min(1)).min(1).optional(),
        width: widthSchema.optional(),
        formats: z.array(figureFormat).min(1).optional(),
        capabilityAxis: z.string().min(1).optional(),
        seed: z.number().int().nonnegative().optional(),
        filters: z.record(z.string(), filterValue).optional(),
      })
      .strict()
      .default({}),
    figures: z.array(figureSchema).min(1),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.figures.forEach((f, i) => {
      if (seen.has(f.id))
        ctx.addIssue({
          code: 'custom',
          path: ['figures', i, 'id'],
          message: `duplicate id "${f.id}"`,
        });
      seen.add(f.id);
      if (!f.sweeps && !spec.defaults.sweeps) {
        ctx.addIssue({
          code: 'custom',
          path: ['figures', i, 'sweeps'],
          message: 'no sweeps: set it here or in defaults.sweeps',
        });
      }
    });
  });

export type FigureSpec = z.infer<typeof figureSpecSchema>;
export type FigureEntry = z.infer<typeof figureSchema>;

/** "figures[2].metric: ..." for every problem; empty when the spec is valid. */
export function validateFigureSpec(
  doc: unknown,
): { ok: true; spec: FigureSpec } | { ok: false; issues: string[] } {
  const parsed = figureSpecSchema.safeParse(doc);
  if (parsed.success) return { ok: true, spec: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`),
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}
