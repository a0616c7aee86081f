// The views of `parley analyze`: which rows each needs (stored columns, a projected or the full
// dataset), the checks of its options, and the tables it prints.
import { z } from 'zod';
import { DELIBERATION_COLUMNS, DELIBERATION_DIMENSIONS } from '../analysis/deliberation-columns';
import { leakReport, leakTables } from '../judge/report';
import { incentiveAxisNote, incentiveAxisOf } from '../sweeps/incentive-cells';
import {
  DIMENSION_COLUMNS,
  applyFilters,
  checkFilterColumns,
  loadDataset,
  type AnalysisRow,
  type FilterValue,
} from '../analysis/dataset';
import { streamCells } from '../analysis/streamed-cells';
import { CI_METHODS, computeCells, type CiMethod } from '../analysis/cells';
import { QUICK_BY, quickCells, type CapabilityLookup } from '../analysis/heatmap-query';
import { METRIC_IDS, STORED_METRIC_IDS } from '../../src-shared/metrics';
import { capabilityOf, participantSchema } from '../../src-shared/participant';
import {
  cellsTableOf,
  fitsTables,
  orderTable,
  plannedPerCell,
  rankTables,
  tokensTable,
  varianceTable,
  type Table,
} from '../analysis/views';
import { loadRegistry } from '../registry/registry';
import type { CellMetric, Store } from '../store/types';
import { CliError, EXIT_BAD_INPUT, openCliStore } from './common';
import { gridText, withIncentiveColumn } from './heatmap-text';
import { parseNumberOption, sweepId } from './sweep-args';
import { writeTables } from './table-text';

export const VIEWS = [
  'cells',
  'heatmap',
  'quick-heatmap',
  'fits',
  'order',
  'variance',
  'rank',
  'tokens',
  'columns',
  'leaks',
] as const;
type View = (typeof VIEWS)[number];

/** "--filter order=weak_first" (repeatable); numbers compare as numbers, a,b lists any of. */
function parseFilters(items: string[]): Record<string, FilterValue> {
  const out: Record<string, FilterValue> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0)
      throw new CliError(`--filter wants COLUMN=VALUE[,VALUE...], got "${item}"`, EXIT_BAD_INPUT);
    const values = item.slice(eq + 1).split(',');
    out[item.slice(0, eq)] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/** The dimensions of the rows from stored columns (analysis/stored-rows.ts). */
const STORED_BY = new Set(['focal_id', 'focal_capability', 'competition_level']);

/** The grid of the heatmap view. */
const HEATMAP_BY = ['focal_capability', 'competition_level'] as const;

/**
 * Every column named must be one the rows have. `whole`: the columns of the whole rows when
 * `rows` were cut down (and which of them held arrays).
 */
function checkColumns(
  rows: readonly AnalysisRow[],
  columns: string[],
  what: string,
  whole?: { known: Set<string>; arrays: Set<string>; rows: number },
): void {
  if ((whole?.rows ?? rows.length) === 0) return;
  const known = whole?.known ?? new Set(rows.flatMap((r) => Object.keys(r)));
  const isArray = (k: string) => (whole ? whole.arrays.has(k) : Array.isArray(rows[0][k]));
  for (const c of columns) {
    if (!known.has(c)) {
      const listed = [...known].filter((k) => !isArray(k)).sort();
      throw new CliError(
        `${what} "${c}" is not a column; columns: ${listed.join(', ')}`,
        EXIT_BAD_INPUT,
      );
    }
  }
}

/** --ci, by default a bootstrap, and t for the quick heatmap (which never loads the values). */
function ciOption(text: string | undefined, view: View): CiMethod {
  const quick = view === 'quick-heatmap';
  if (text === undefined) return quick ? 't' : 'bootstrap';
  if (!(CI_METHODS as readonly string[]).includes(text))
    throw new CliError(
      `--ci must be one of ${CI_METHODS.join(', ')}; got "${text}"`,
      EXIT_BAD_INPUT,
    );
  if (quick && text !== 't')
    throw new CliError(
      '--view quick-heatmap gives t intervals only: a bootstrap needs every value, which it never loads',
      EXIT_BAD_INPUT,
    );
  return text as CiMethod;
}

export interface AnalyzeOptions {
  metric: string;
  by?: string;
  view: string;
  x: string;
  capabilityAxis: string;
  filter: string[];
  seed: string;
  ci?: string;
  plannedN?: string;
  extrapolateTo?: string;
  json?: boolean;
  csv?: boolean;
  db?: string;
}

export function runAnalyze(ref: string, opts: AnalyzeOptions): void {
  if (!(VIEWS as readonly string[]).includes(opts.view))
    throw new CliError(
      `--view must be one of ${VIEWS.join(', ')}; got "${opts.view}"`,
      EXIT_BAD_INPUT,
    );
  if (opts.json && opts.csv) throw new CliError('give --json or --csv, not both', EXIT_BAD_INPUT);
  const view = opts.view as View;
  const format = opts.json ? 'json' : opts.csv ? 'csv' : 'text';
  const seed = parseNumberOption(opts.seed, '--seed') ?? 1;
  const ci = ciOption(opts.ci, view);
  const store = openCliStore(opts.db);
  try {
    const id = sweepId(store, ref, opts.db);
    if (view === 'tokens')
      return writeTables([tokensTable(store.callUsage({ sweepId: id }))], format);
    if (view === 'leaks') return writeTables(leakTables(leakReport(store, id)), format);
    const registry = loadRegistry(store);
    if (view === 'quick-heatmap') {
      if (!(STORED_METRIC_IDS as readonly string[]).includes(opts.metric)) {
        throw new CliError(
          `--view quick-heatmap computes ${STORED_METRIC_IDS.join(', ')} in SQL; got --metric "${opts.metric}"`,
          EXIT_BAD_INPUT,
        );
      }
      const levels = incentiveAxisOf(store.getSweep(id)?.spec);
      const capability = quickCapability(store, id, opts.capabilityAxis, registry);
      const cells = quickCells(store, {
        sweepId: id,
        metric: opts.metric as CellMetric,
        capability,
      });
      if (format !== 'text') {
        const table = cellsTableOf(cells, {
          metric: opts.metric,
          by: [...QUICK_BY],
          ci,
          seed,
          plannedN: null,
        });
        return writeTables(
          [
            withIncentiveColumn(
              { ...table, title: `${opts.metric} (t intervals from SQL sums)` },
              levels,
            ),
          ],
          format,
        );
      }
      const rowsText = `focal capability on "${opts.capabilityAxis}"`;
      process.stdout.write(`${gridText(cells, { metric: opts.metric, rows: rowsText, levels })}\n`);
      return;
    }
    const filters = parseFilters(opts.filter);
    const by =
      opts.by === undefined
        ? view === 'order'
          ? ['competition_level']
          : ['focal_capability', 'competition_level']
        : opts.by
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    const datasetOptions = { capabilityAxis: opts.capabilityAxis, registry };
    // The cell views need the metric, their grouping and the filtered columns alone: each row
    // is cut down to those as it streams from the store (bounded by the columns at any size).
    const isCellView = view === 'cells' || view === 'heatmap';
    const stored =
      isCellView &&
      Object.keys(filters).length === 0 &&
      opts.capabilityAxis === 'sweep' &&
      (STORED_METRIC_IDS as readonly string[]).includes(opts.metric) &&
      (view === 'heatmap' ? HEATMAP_BY : by).every((c) => STORED_BY.has(c));
    // The cell views group their rows as the games stream by and keep none; a stored metric by
    // the stored dimensions comes from the games' plain columns (the same cells).
    const cellBy = view === 'heatmap' ? [...HEATMAP_BY] : by;
    const streamed = isCellView
      ? streamCells(
          store,
          id,
          { stored, filters, dataset: datasetOptions },
          { metric: opts.metric, by: cellBy, ci, seed },
        )
      : null;
    const dataset = streamed
      ? { rows: [], unfinished: streamed.unfinished }
      : loadDataset(store, [id], datasetOptions);
    let rows = dataset.rows;
    try {
      if (streamed && streamed.columns.rows > 0)
        checkFilterColumns(filters, streamed.columns.columns);
      rows = applyFilters(rows, filters);
    } catch (err) {
      throw new CliError((err as Error).message, EXIT_BAD_INPUT);
    }
    const columnsOf = streamed
      ? { known: streamed.columns.columns, arrays: streamed.columns.arrays, rows: streamed.kept }
      : undefined;
    if (view === 'columns') {
      const present = new Set(rows.flatMap((r) => Object.keys(r)));
      const scoreCols = [...present].filter((c) => c.startsWith('focal_score_')).sort();
      const gameCols = DELIBERATION_COLUMNS.filter((c) => present.has(c));
      const gameDims = DELIBERATION_DIMENSIONS.filter((c) => present.has(c));
      process.stdout.write(
        `Metrics (--metric):\n  ${[...METRIC_IDS, ...gameCols].join('\n  ')}\nDimensions (--by, --x, --filter):\n  ${[...DIMENSION_COLUMNS, ...gameDims, ...scoreCols].join('\n  ')}\n` +
          `${rows.length} finished games${dataset.unfinished ? `, ${dataset.unfinished} unfinished left out` : ''}.\n`,
      );
      return;
    }
    checkColumns(
      rows,
      [opts.metric, ...by, ...(view === 'fits' ? [opts.x] : [])],
      view === 'fits' ? '--metric/--by/--x' : '--metric/--by',
      columnsOf,
    );
    if (streamed?.error) throw streamed.error.thrown;
    const note = dataset.unfinished ? [`${dataset.unfinished} unfinished game(s) left out.`] : [];
    const spec = store.getSweep(id)?.spec;
    const axisNote = incentiveAxisNote(spec);
    if (axisNote) note.push(axisNote);
    let tables: Table[];
    if (view === 'cells') {
      const planned =
        opts.plannedN !== undefined
          ? parseNumberOption(opts.plannedN, '--planned-n')!
          : plannedPerCell(store.getSweep(id)?.spec, by);
      const options = { metric: opts.metric, by, ci, seed, plannedN: planned };
      tables = [cellsTableOf(streamed?.grouper.cells() ?? computeCells(rows, options), options)];
    } else if (view === 'heatmap') {
      const heatmapBy = [...HEATMAP_BY];
      const cells =
        streamed?.grouper.cells() ??
        computeCells(rows, { metric: opts.metric, by: heatmapBy, ci, seed });
      const table = cellsTableOf(cells, {
        metric: opts.metric,
        by: heatmapBy,
        ci,
        seed,
        plannedN: null,
      });
      const levels = incentiveAxisOf(spec);
      tables = [
        withIncentiveColumn(
          {
            ...table,
            title: `${opts.metric}: heatmap cells (focal_capability x competition_level)`,
          },
          levels,
        ),
      ];
      if (format === 'text')
        process.stdout.write(
          `${gridText(cells, { metric: opts.metric, rows: 'focal capability', levels })}\n\n`,
        );
    } else if (view === 'fits') {
      tables = fitsTables(rows, {
        metric: opts.metric,
        x: opts.x,
        by: by[by.length - 1],
        extrapolateTo: parseNumberOption(opts.extrapolateTo, '--extrapolate-to'),
      });
    } else if (view === 'order') {
      tables = [orderTable(rows, { metric: opts.metric, by, seed })];
    } else if (view === 'variance') {
      tables = [varianceTable(rows, { metric: opts.metric })];
    } else {
      tables = rankTables(rows, seed);
    }
    tables[0] = { ...tables[0], notes: [...(tables[0].notes ?? []), ...note] };
    writeTables(tables, format);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(err instanceof Error ? err.message : String(err), EXIT_BAD_INPUT);
  } finally {
    store.close();
  }
}

/**
 * Capability of a focal participant on an axis: 'sweep' is the score stored with its games;
 * otherwise the participant as the sweep defines it, then the registry (user models included).
 */
function quickCapability(
  store: Store,
  sweepId: string,
  axis: string,
  registry: ReturnType<typeof loadRegistry>,
): CapabilityLookup {
  const byId = new Map(registry.map((m) => [m.spec.id, m]));
  const parsed = participantsSchema.safeParse(store.getSweep(sweepId)?.spec);
  const inline = new Map((parsed.success ? parsed.data.participants : []).map((p) => [p.id, p]));
  return (id, stored) => {
    if (axis === 'sweep') return stored;
    if (axis === 'registry_order') return byId.get(id)?.order ?? null;
    const own = inline.get(id);
    return (own ? capabilityOf(own, axis) : null) ?? byId.get(id)?.spec.scores[axis] ?? null;
  };
}

/** Only the participants of a stored sweep document (already validated when it was stored). */
const participantsSchema = z.object({ participants: z.array(participantSchema).default([]) });
