// Analysis commands: `parley fit` (a scaling-law line from any CSV), `parley analyze` (per-cell
// aggregates, fits, order effects, variance, ranks and tokens of a sweep) and `parley figures`
// (every figure of a paper from one spec file).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { DELIBERATION_COLUMNS, DELIBERATION_DIMENSIONS } from '../analysis/deliberation-columns';
import { formatFitTable, runFit } from '../analysis/fit-command';
import { leakReport, leakTables } from '../judge/report';
import { incentiveAxisNote, incentiveAxisOf } from '../sweeps/incentive-cells';
import {
  DIMENSION_COLUMNS,
  applyFilters,
  loadDataset,
  type AnalysisRow,
  type FilterValue,
  loadProjectedDataset,
  type ProjectedDataset,
} from '../analysis/dataset';
import { storedRows } from '../analysis/stored-rows';
import { CI_METHODS, computeCells, type CiMethod } from '../analysis/cells';
import { QUICK_BY, quickCells, type CapabilityLookup } from '../analysis/heatmap-query';
import { z } from 'zod';
import { METRIC_IDS, STORED_METRIC_IDS } from '../../src-shared/metrics';
import { capabilityOf, participantSchema } from '../../src-shared/participant';
import {
  cellsTable,
  cellsTableOf,
  fitsTables,
  orderTable,
  plannedPerCell,
  rankTables,
  tokensTable,
  varianceTable,
  type Table,
} from '../analysis/views';
import { validateFigureSpec } from '../figures/figure-spec';
import { figureCreatedAt, renderFigureSpec } from '../figures/render-spec';
import { loadRegistry } from '../registry/registry';
import type { CellMetric, Store } from '../store/types';
import { CliError, EXIT_BAD_INPUT, openCliStore, readJsonFile, resolveDbPath } from './common';
import { gridText, withIncentiveColumn } from './heatmap-text';

const VIEWS = [
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

/** The version in package.json, recorded in every figure's provenance. */
export function parleyVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function sweepId(store: Store, ref: string, db?: string): string {
  const sweep = store.findSweep(ref);
  if (!sweep) {
    const known = store.listSweeps().map((s) => `${s.id.slice(0, 8)}  ${s.name}`);
    throw new CliError(
      `no sweep matches "${ref}" in ${resolveDbPath(db)}` +
        (known.length ? `; known sweeps:\n  ${known.join('\n  ')}` : ' (it has no sweeps)'),
      EXIT_BAD_INPUT,
    );
  }
  return sweep.id;
}

function parseNumberOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v))
    throw new CliError(`${name} must be a number, got "${text}"`, EXIT_BAD_INPUT);
  return v;
}

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

/** Decimals that give a column about four significant digits at its largest value. */
function columnDigits(values: unknown[]): number | null {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length === 0 || nums.every(Number.isInteger)) return null;
  const largest = Math.max(...nums.map(Math.abs));
  return largest === 0 ? 2 : Math.min(4, Math.max(0, 3 - Math.floor(Math.log10(largest))));
}

function cellText(v: unknown, digits: number | null, isKey: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    if (isKey || digits === null) return String(Number(v.toPrecision(6)));
    return v.toFixed(digits);
  }
  return String(v);
}

const STAT_COLUMNS =
  /^(mean|sd|ci_|slope|intercept|r$|r2|adj_r2|estimate|se$|p$|mean_|extrapolate_y|band_|fraction|cost|leak_rate)/;

/** A fixed-width text table: numbers right-aligned, each column with a consistent precision. */
/**
 * Columns printed with one precision, so an estimate and its interval line up (a mean of 93.92
 * with a CI of [89.76, 98.00], not [89.76, 98.0]).
 */
function precisionFamily(column: string): string {
  if (/^(mean|sd|ci_low|ci_high|mean_difference)$/.test(column)) return 'mean';
  if (/^(slope|intercept)/.test(column)) return column.startsWith('slope') ? 'slope' : 'intercept';
  if (/^(extrapolate_y|band_low|band_high)$/.test(column)) return 'extrapolate';
  return column;
}

export function formatTable(t: Table): string {
  const families = new Map<string, unknown[]>();
  for (const c of t.columns) {
    const family = precisionFamily(c);
    families.set(family, [...(families.get(family) ?? []), ...t.rows.map((r) => r[c])]);
  }
  const digits = t.columns.map((c) => columnDigits(families.get(precisionFamily(c)) ?? []));
  const cells = t.rows.map((r) =>
    t.columns.map((c, i) => cellText(r[c], digits[i], !STAT_COLUMNS.test(c))),
  );
  const isNumeric = t.columns.map((c) => t.rows.some((r) => typeof r[c] === 'number'));
  const widths = t.columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => (isNumeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return (
    [
      t.title,
      line(t.columns),
      line(widths.map((w) => '-'.repeat(w))),
      ...cells.map(line),
      ...(t.notes ?? []).map((n) => `note: ${n}`),
    ].join('\n') + '\n'
  );
}

function writeTables(tables: Table[], format: 'text' | 'json' | 'csv'): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(tables.length === 1 ? tables[0] : tables, null, 2)}\n`);
  } else if (format === 'csv') {
    // CSV holds one table; further tables follow after a blank line with their own header.
    process.stdout.write(
      tables
        .map((t) => stringify([t.columns, ...t.rows.map((r) => t.columns.map((c) => r[c] ?? ''))]))
        .join('\n'),
    );
  } else {
    process.stdout.write(tables.map(formatTable).join('\n'));
  }
}

/** The dimensions of the rows from stored columns (analysis/stored-rows.ts). */
const STORED_BY = new Set(['focal_id', 'focal_capability', 'competition_level']);

/** The sweep's stored-column rows as a projected dataset (every column is a known one). */
function storedDataset(store: Store, sweepId: string): ProjectedDataset {
  const games = store.cellGames({ sweepId });
  const rows = storedRows(games);
  return {
    rows,
    unfinished: games.length - rows.length,
    sweepIds: [sweepId],
    columns: new Set(rows.length > 0 ? Object.keys(rows[0]) : []),
    arrayColumns: new Set(),
  };
}

/** The grid of the heatmap view. */
const HEATMAP_BY = ['focal_capability', 'competition_level'] as const;

/** As applyFilters names a filter column no row has, for rows cut down to a few columns. */
function checkFilterColumns(filters: Record<string, FilterValue>, known: Set<string>): void {
  for (const column of Object.keys(filters)) {
    if (!known.has(column)) {
      throw new Error(
        `filter column "${column}" not found; columns: ${[...known].sort().join(', ')}`,
      );
    }
  }
}

/**
 * Every column named must be one the rows have. `whole`: the columns of the whole rows when
 * `rows` were cut down (and which of them held arrays).
 */
function checkColumns(
  rows: readonly AnalysisRow[],
  columns: string[],
  what: string,
  whole?: { known: Set<string>; arrays: Set<string> },
): void {
  if (rows.length === 0) return;
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

interface AnalyzeOptions {
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

function runAnalyze(ref: string, opts: AnalyzeOptions): void {
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
    // A stored metric by the stored dimensions: the rows come from the store's plain columns
    // (stored-rows.ts; the same cells, without computing every game's metrics).
    const narrow = stored
      ? storedDataset(store, id)
      : isCellView
        ? loadProjectedDataset(
            store,
            [id],
            [opts.metric, ...(view === 'heatmap' ? HEATMAP_BY : by), ...Object.keys(filters)],
            datasetOptions,
          )
        : null;
    const dataset = narrow ?? loadDataset(store, [id], datasetOptions);
    let rows = dataset.rows;
    try {
      if (narrow && rows.length > 0) checkFilterColumns(filters, narrow.columns);
      rows = applyFilters(rows, filters);
    } catch (err) {
      throw new CliError((err as Error).message, EXIT_BAD_INPUT);
    }
    const columnsOf = narrow ? { known: narrow.columns, arrays: narrow.arrayColumns } : undefined;
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
      tables = [cellsTable(rows, { metric: opts.metric, by, ci, seed, plannedN: planned })];
    } else if (view === 'heatmap') {
      const heatmapBy = [...HEATMAP_BY];
      const cells = computeCells(rows, { metric: opts.metric, by: heatmapBy, ci, seed });
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

export function registerAnalysisCommands(program: Command): void {
  program
    .command('fit')
    .description(
      'Fit a scaling-law line y = a + b x by least squares to any CSV: slope and intercept with CIs, Pearson r, R^2, n, per group and pooled.',
    )
    .requiredOption('--csv <file>', 'CSV with a header row (e.g. results.csv from `parley export`)')
    .requiredOption('--x <column>', 'regressor, e.g. focal_capability')
    .requiredOption('--y <column>', 'response, e.g. utility_focal')
    .option('--group <column>', 'one line per value of this column, e.g. competition_level')
    .option('--weights <column>', 'positive analytic weights, e.g. games per cell')
    .option(
      '--extrapolate-to <x>',
      'also report the fitted y and its 95% prediction band at this x',
    )
    .option('--level <p>', 'coverage of every interval', '0.95')
    .option('--json', 'print the fits as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  parley fit --csv out/demo/results.csv --x focal_capability --y utility_focal --group competition_level\n' +
        '  parley fit --csv cells.csv --x elo --y share --weights n --extrapolate-to 1400 --json\n\n' +
        'Rows with an empty x, y or weight are skipped and reported; a non-numeric value is an error\n' +
        'naming its line and column. Intervals are t intervals with n - 2 degrees of freedom.',
    )
    .action(
      (opts: {
        csv: string;
        x: string;
        y: string;
        group?: string;
        weights?: string;
        extrapolateTo?: string;
        level: string;
        json?: boolean;
      }) => {
        let csvText: string;
        try {
          csvText = readFileSync(resolve(opts.csv), 'utf8');
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          throw new CliError(
            code === 'ENOENT'
              ? `file not found: ${opts.csv}`
              : `cannot read ${opts.csv}: ${String(err)}`,
            EXIT_BAD_INPUT,
          );
        }
        let result;
        try {
          result = runFit({
            csvText,
            x: opts.x,
            y: opts.y,
            group: opts.group,
            weights: opts.weights,
            extrapolateTo: parseNumberOption(opts.extrapolateTo, '--extrapolate-to'),
            level: parseNumberOption(opts.level, '--level'),
          });
        } catch (err) {
          if (err instanceof CliError) throw err;
          throw new CliError(`${opts.csv}: ${(err as Error).message}`, EXIT_BAD_INPUT);
        }
        process.stdout.write(
          opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatFitTable(result),
        );
      },
    );

  program
    .command('analyze')
    .description(
      'Aggregates of a sweep: per cell n, mean, SD and 95% bootstrap CI of any metric, grouped by any dimension; also fits, order effects, variance explained, ranks and tokens (--view).',
    )
    .argument('<sweep>', 'sweep id (or unique prefix) or name')
    .option('--metric <name>', 'metric column (see --view columns)', 'utility_focal')
    .option(
      '--by <dims>',
      'comma-separated grouping columns (default: focal_capability,competition_level)',
    )
    .option('--view <view>', `one of ${VIEWS.join(', ')}`, 'cells')
    .option(
      '--x <column>',
      'regressor of --view fits: focal_capability or capability_gap',
      'focal_capability',
    )
    .option(
      '--capability-axis <axis>',
      "'sweep' (stored scores), 'registry_order', or any score name, e.g. arena_elo",
      'sweep',
    )
    .option(
      '--filter <column=value>',
      'keep matching rows; repeatable; value may be a,b,c',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--extrapolate-to <x>', '--view fits: prediction band at this capability')
    .option(
      '--planned-n <n>',
      'flag cells with fewer games (default: runs x orders from the sweep)',
    )
    .option('--seed <n>', 'bootstrap seed', '1')
    .option(
      '--ci <method>',
      `interval of each cell: ${CI_METHODS.join(' or ')} (default: bootstrap; t for quick-heatmap)`,
    )
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--db <file>', 'database file (default: $PARLEY_DB or the user-data directory)')
    .addHelpText(
      'after',
      '\nViews:\n' +
        '  cells          n, mean, SD, 95% bootstrap CI per group of --by (flags cells below the planned n)\n' +
        '  heatmap        the capability x competition grid of --metric, then its cells\n' +
        '  quick-heatmap  the same from SQL sums (--ci t) for very large sweeps; metrics:\n' +
        `                 ${STORED_METRIC_IDS.join(', ')}\n` +
        '  fits           metric ~ --x per competition level and pooled (slope, intercept, CIs, r, R^2),\n' +
        '                 the interaction model, and per baseline group when the baseline varies\n' +
        '  order          weak_first - strong_first paired by cell and seed, overall and per --by\n' +
        '  variance       R^2 of developer, family and numeric focal scores, alone and together\n' +
        '  rank           n > 2: utility by capability rank; do the weaker agents together win?\n' +
        '  tokens         token usage and cost per model and phase\n' +
        '  leaks          deliberation: score-leak rate per judge and party and per judge and model\n' +
        '                 (the verdicts of `parley judge <sweep> --model M`)\n' +
        '  columns        list the metric and dimension columns\n\n' +
        'Examples:\n' +
        '  parley analyze dc74 --db out/demo/parley.db   (the demo sweep by id prefix; see `parley status`)\n' +
        '  parley analyze <sweep> --metric round --by focal_capability --filter deal=1\n' +
        '  parley analyze <sweep> --view fits --metric utility_share_focal --extrapolate-to 1\n' +
        '  parley analyze <sweep> --view order --metric utility_focal --csv > order.csv',
    )
    .action((ref: string, opts: AnalyzeOptions) => runAnalyze(ref, opts));

  program
    .command('figures')
    .description(
      'Render every figure of a figure spec (heatmap, curves, scaling, table; concession and matchup for two-party games) to --out: vector PDF with embedded fonts, SVG, 300 dpi PNG, CSV/LaTeX tables, each with a provenance sidecar.',
    )
    .argument('<spec.json>', 'figure spec (see resources/examples/figures.json)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--db <file>', 'database file (default: $PARLEY_DB or the user-data directory)')
    .addHelpText(
      'after',
      '\nA spec lists figures; each names its type, sweeps, metric and axes:\n' +
        '  {"defaults": {"sweeps": ["<sweep id, prefix or name>"], "formats": ["pdf", "png"]},\n' +
        '   "figures": [{"id": "fig1", "type": "heatmap", "metric": "utility_focal",\n' +
        '                "x": "competition_level", "y": "focal_capability", "width": "full"}]}\n' +
        'Types: heatmap (x, y, palette viridis|cividis, digits), curves (x, series), scaling (x, group,\n' +
        'points cells|games, extrapolateTo), table (metrics, by; formats csv|tex).\n' +
        'Common fields: sweeps, filters {column: value | [values] | {min, max}}, capabilityAxis,\n' +
        'width column (3.25 in) | full (6.75 in), height (in), formats pdf|svg|png, labels {x, y, value}.\n' +
        'SOURCE_DATE_EPOCH, when set, fixes the time written into the files (reproducible PDFs).',
    )
    .action(async (file: string, opts: { out: string; db?: string }) => {
      const v = validateFigureSpec(readJsonFile(file));
      if (!v.ok)
        throw new CliError(
          `${file}: the figure spec has ${v.issues.length} problem(s); nothing was drawn:\n${v.issues.map((i) => `  - ${i}`).join('\n')}`,
          EXIT_BAD_INPUT,
        );
      const createdAt = figureCreatedAt();
      const store = openCliStore(opts.db);
      try {
        const rendered = await renderFigureSpec(
          v.spec,
          {
            store,
            registry: loadRegistry(store),
            resolveSweep: (ref) => sweepId(store, ref, opts.db),
            parleyVersion: parleyVersion(),
            createdAt,
          },
          resolve(opts.out),
        ).catch((err: unknown) => {
          if (err instanceof CliError) throw err;
          throw new CliError(
            `${file}: ${err instanceof Error ? err.message : String(err)}`,
            EXIT_BAD_INPUT,
          );
        });
        for (const r of rendered) {
          process.stdout.write(
            `${r.id} (${r.type}, ${r.rows} games): ${r.files.filter((f) => !f.endsWith('.json') || r.type === 'table').join(', ')}\n`,
          );
          for (const w of r.warnings) process.stderr.write(`warning: ${r.id}: ${w}\n`);
          for (const n of r.notes) process.stderr.write(`note: ${r.id}: ${n}\n`);
        }
      } finally {
        store.close();
      }
    });
}
