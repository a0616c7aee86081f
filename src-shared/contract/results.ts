// The results domain of the contract: the capability x competition grid of a metric (one
// request; the screen draws both the heatmap and the curves from it) and paper-ready exports
// drawn by the same code as `parley figures`.
import { z } from 'zod';
import { CI_METHODS, GRID_METRIC_IDS, METRIC_IDS, type MetricId } from '../metrics';
import { jsonSchema, nullableNumber } from './common';

/**
 * Metrics the results screen offers before a grid names the sweep's own: the vocabulary's stored
 * metrics and those read from the alternating-offers games' outcomes (GRID_METRIC_IDS). A grid
 * lists every metric its sweep's game has (`metrics`).
 */
export const RESULT_METRICS: readonly MetricId[] = GRID_METRIC_IDS;
export type ResultMetric = MetricId;
/** Every metric of the vocabulary (a grid of a game without it is refused by the host). */
export const ALL_RESULT_METRICS: readonly MetricId[] = METRIC_IDS;

/**
 * What the results screen can export: the heatmap, the flattened curves, the cell table, and for
 * two-party sweeps the concession curves and the matchup grid.
 */
export const EXPORT_FIGURES = ['heatmap', 'curves', 'table', 'concession', 'matchup'] as const;
export type ExportFigure = (typeof EXPORT_FIGURES)[number];
/** pdf (vector, fonts embedded), svg and png (300 dpi) for figures; csv and tex for the table. */
export const EXPORT_FORMATS = ['pdf', 'svg', 'png', 'csv', 'tex'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const FIGURE_EXPORT_FORMATS = [
  'pdf',
  'svg',
  'png',
] as const satisfies readonly ExportFormat[];
export const TABLE_EXPORT_FORMATS = ['csv', 'tex'] as const satisfies readonly ExportFormat[];
/** column = 3.25 in, full = 6.75 in (the page widths of a two-column paper). */
export const EXPORT_WIDTHS = ['column', 'full'] as const;
export type ExportWidth = (typeof EXPORT_WIDTHS)[number];
/** Exported files larger than this are refused by the host (the CLI has no such limit). */
export const EXPORT_MAX_BYTES = 20 * 1024 * 1024;

const metric = z.enum(METRIC_IDS as [MetricId, ...MetricId[]]);

export const gridCellSchema = z.object({
  /** Index into `x` and `y`. */
  xi: z.number(),
  yi: z.number(),
  focalId: z.string(),
  level: z.number(),
  n: z.number(),
  mean: nullableNumber,
  sd: nullableNumber,
  ciLow: nullableNumber,
  ciHigh: nullableNumber,
});
export type GridCell = z.infer<typeof gridCellSchema>;

export const gridResultSchema = z.object({
  sweepId: z.string(),
  metric,
  capabilityMetric: z.string(),
  /** How each cell's 95% interval was computed, and the base seed of a bootstrap. */
  ci: z.enum(CI_METHODS),
  seed: z.number(),
  /** Capability axis: one column per focal participant, weakest first (unknown capability last). */
  x: z.array(z.object({ focalId: z.string(), label: z.string(), capability: nullableNumber })),
  /** Competition axis: levels ascending. */
  y: z.array(z.number()),
  /**
   * Names of the y axis (short, for the chart; and in full) and of its levels when they are not
   * competition levels: a deliberation sweep over competition.incentives gives "incentive",
   * "incentive of <focal party>" and one incentive per level.
   */
  yName: z.string().optional(),
  yTitle: z.string().optional(),
  yLabels: z.array(z.string()).optional(),
  /** Every (column, level) pair, empty ones with n = 0. */
  cells: z.array(gridCellSchema),
  /** Score names the capability axis can be switched to. */
  capabilityMetrics: z.array(z.string()),
  /** Finished games that fed the grid. */
  games: z.number(),
  /** Every metric of the vocabulary defined for the sweep's game, in the vocabulary's order. */
  metrics: z.array(z.string()),
});
export type GridResult = z.infer<typeof gridResultSchema>;

/** One exported file, rendered by the same code as `parley figures`. */
export const exportFigureResultSchema = z.object({
  /** Suggested file name, e.g. "demo-heatmap-utility_focal.pdf". */
  fileName: z.string(),
  mime: z.string(),
  /** base64 for pdf and png, utf8 for svg, csv and tex. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
  /**
   * The provenance sidecar the renderer wrote: sweepIds, query.figure (the figure spec entry
   * with its defaults, which `parley figures` renders to the same file), parleyVersion, createdAt.
   */
  provenance: z.record(z.string(), jsonSchema),
  /** What the figure leaves out and why (e.g. cell values too small to print at one column). */
  notes: z.array(z.string()),
});
export type ExportFigureResult = z.infer<typeof exportFigureResultSchema>;

const gridArgs = z
  .object({
    sweepId: z.string().min(1),
    metric: metric.default('utility_focal'),
    /** Score that orders the capability axis; defaults to the sweep's own metric. */
    capabilityMetric: z.string().min(1).optional(),
    /** bootstrap (default, as `parley analyze`) or t. */
    ci: z.enum(CI_METHODS).default('bootstrap'),
    /** Base seed of the bootstrap (default 1, as `parley analyze --seed`). */
    seed: z.number().int().default(1),
  })
  .strict();

const exportFigureArgs = z
  .object({
    sweepId: z.string().min(1),
    figure: z.enum(EXPORT_FIGURES),
    metric: metric.default('utility_focal'),
    /** Score that orders the capability axis; defaults to the sweep's own metric. */
    capabilityMetric: z.string().min(1).optional(),
    format: z.enum(EXPORT_FORMATS),
    /** Ignored by the table. */
    width: z.enum(EXPORT_WIDTHS).default('column'),
    /** The concession curves' fixed opponent (default: the sweep's most common one). */
    opponent: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    const isTable = a.figure === 'table';
    const allowed: readonly string[] = isTable ? TABLE_EXPORT_FORMATS : FIGURE_EXPORT_FORMATS;
    if (!allowed.includes(a.format)) {
      ctx.addIssue({
        code: 'custom',
        path: ['format'],
        message: `the ${a.figure} exports as ${allowed.join(', ')}, not ${a.format}`,
      });
    }
  });

export const resultRequests = {
  /**
   * Capability x competition grid of a metric: n, mean, SD and 95% CI per (focal participant,
   * level), the cells `parley analyze --by focal_id,competition_level` prints for the same seed.
   */
  'results:grid': { args: gridArgs, result: gridResultSchema },
  /**
   * The heatmap or curves of the results view as pdf / svg / png, or its cell table as csv / tex,
   * drawn by the renderer of `parley figures` with the same provenance; at most EXPORT_MAX_BYTES.
   */
  'results:exportFigure': { args: exportFigureArgs, result: exportFigureResultSchema },
};
