// Writes a sweep's collected outputs into a folder: results.csv, summary.json, all_results.json,
// cells.csv (every stored metric per cell of the results screen's grid), metrics.csv (every
// per-game analysis metric) and the capability x competition heatmap (heatmap.svg). Every cell
// comes from the one cell computation (analysis/cells.ts) over the store's plain columns.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import {
  METRIC_IDS,
  STORED_METRIC_IDS,
  metricAxisLabel,
  metricDef,
  metricDigits,
  type MetricId,
} from '../../src-shared/metrics';
import { CellGrouper, cellMatrix, computeCells, type Cell, type CiMethod } from '../analysis/cells';
import {
  DIMENSION_COLUMNS,
  PASS_CACHE_KIB,
  focalScoreColumns,
  loadDataset,
  streamDataset,
} from '../analysis/dataset';
import { GRID_BY } from '../analysis/sweep-grid';
import { streamStoredRows } from '../analysis/stored-rows';
import { renderHeatmapSvg } from '../figures/heatmap';
import { loadRegistry, type RegistryModel } from '../registry/registry';
import type { Store } from '../store/store';
import { RESULTS_CSV, streamResultRows } from './results';
import { CsvWriter, type FileSink, withFile, writeJsonArray } from './stream';

/** How the exported cells are computed: the results screen's defaults. */
export const EXPORT_CELLS = { ci: 'bootstrap', seed: 1 } as const satisfies {
  ci: CiMethod;
  seed: number;
};

/** The label an unknown capability is shown with (never 0: the store has no value). */
export const UNKNOWN_CAPABILITY = 'unknown';

export const CELLS_COLUMNS = [
  'metric',
  'focal_id',
  'focal_capability',
  'competition_level',
  'n',
  'mean',
  'sd',
  'ci_low',
  'ci_high',
  'missing',
] as const;

/**
 * Every stored metric per (focal participant, competition level): the cells of the results
 * screen's grid, with the focal capability stored with the games (null when unknown). One pass
 * over the games as SQLite reads them; each cell keeps only its values.
 */
export function exportCells(store: Store, sweepId: string): Record<string, unknown>[] {
  const groupers = STORED_METRIC_IDS.map(
    (metric) => new CellGrouper({ metric, by: GRID_BY, ...EXPORT_CELLS }),
  );
  const capability = new Map<unknown, unknown>();
  for (const row of streamStoredRows(store.iterateCellGames({ sweepId }))) {
    // The last capability seen for a participant, as a Map built from every row would hold.
    capability.set(row.focal_id, row.focal_capability);
    for (const grouper of groupers) grouper.add(row);
  }
  return groupers.flatMap((grouper) =>
    grouper.cells().map((c) => ({
      metric: grouper.options.metric,
      focal_id: c.key.focal_id,
      focal_capability: capability.get(c.key.focal_id) ?? null,
      competition_level: c.key.competition_level,
      n: c.n,
      mean: c.mean,
      sd: c.sd,
      ci_low: c.ciLow,
      ci_high: c.ciHigh,
      missing: c.missing,
    })),
  );
}

/** A stored metric by focal capability (pooled over participants that share one) and level. */
export function capabilityCells(store: Store, sweepId: string, metric: MetricId): Cell[] {
  return computeCells(streamStoredRows(store.iterateCellGames({ sweepId })), {
    metric,
    by: ['focal_capability', 'competition_level'],
    ...EXPORT_CELLS,
  });
}

/** The columns of metrics.csv: dimensions, the focal seat, focal scores, then every metric. */
function metricsColumns(store: Store, sweepId: string, registry: RegistryModel[]): string[] {
  const scores = focalScoreColumns(store.sweepLineups({ sweepId, finishedOnly: true }), registry);
  return ['game_id', ...DIMENSION_COLUMNS, 'focal_seat', ...scores, ...METRIC_IDS];
}

/** The sweep's finished games with every dimension and per-game metric, one row each. */
export function metricsCsv(store: Store, sweepId: string): string {
  const registry = loadRegistry(store);
  const { rows } = loadDataset(store, [sweepId], { registry });
  const columns = metricsColumns(store, sweepId, registry);
  return stringify(
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { header: true, columns },
  );
}

/** metrics.csv written a game at a time. */
function writeMetricsCsv(store: Store, sweepId: string, sink: FileSink): void {
  const registry = loadRegistry(store);
  const columns = metricsColumns(store, sweepId, registry);
  const csv = new CsvWriter(sink, { header: true, columns });
  for (const r of streamDataset(store, [sweepId], { registry }))
    csv.write(columns.map((c) => r[c] ?? ''));
  csv.end();
}

function heatmapSvg(cells: Cell[]): string {
  const m = cellMatrix(cells, 'focal_capability', 'competition_level');
  const label = (v: unknown) => (v === null ? UNKNOWN_CAPABILITY : (v as number));
  return renderHeatmapSvg(
    {
      title: 'Mean discounted utility of the focal agent',
      xLabel: 'Competition level (target cosine of values)',
      yLabel: 'Focal agent capability',
      valueLabel: metricAxisLabel(metricDef('utility_focal')),
      xValues: m.colValues as number[],
      yValues: m.rowValues.map(label),
      cells: m.rowValues.flatMap((cap, i) =>
        m.colValues.map((level, j) => ({
          x: level as number,
          y: label(cap),
          mean: m.cells[i][j]?.mean ?? null,
          n: m.cells[i][j]?.n ?? 0,
        })),
      ),
    },
    { width: 'full', palette: 'viridis', digits: metricDigits('utility_focal') },
  );
}

/**
 * Write results.csv, summary.json, all_results.json, cells.csv, metrics.csv and heatmap.svg;
 * returns the paths. The per-game files are written a game at a time (bounded memory).
 */
export function writeSweepOutputs(store: Store, sweepId: string, outDir: string): string[] {
  // Each file is one pass over the games that re-reads no page soon after.
  return store.withReadCache(PASS_CACHE_KIB, () => writeOutputs(store, sweepId, outDir));
}

function writeOutputs(store: Store, sweepId: string, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const sweep = store.getSweep(sweepId);
  const cells = exportCells(store, sweepId);
  const path = (name: string) => join(outDir, name);
  let games = 0;
  let finished = 0;
  // results.csv and all_results.json in one pass over the games.
  withFile(path('results.csv'), (csvSink) =>
    withFile(path('all_results.json'), (jsonSink) => {
      const csv = new CsvWriter(csvSink, RESULTS_CSV);
      const rows = function* () {
        for (const row of streamResultRows(store, sweepId)) {
          games++;
          if (row.status === 'finished') finished++;
          csv.write(row as unknown as Record<string, unknown>);
          yield row;
        }
      };
      writeJsonArray(jsonSink, rows());
      jsonSink.write('\n');
      csv.end();
    }),
  );
  const summary = {
    sweep_id: sweepId,
    sweep_name: sweep?.name ?? null,
    games,
    finished,
    ci: EXPORT_CELLS.ci,
    seed: EXPORT_CELLS.seed,
    cells,
  };
  writeFileSync(path('summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(
    path('cells.csv'),
    stringify(
      cells.map((c) => CELLS_COLUMNS.map((k) => c[k] ?? '')),
      { header: true, columns: [...CELLS_COLUMNS] },
    ),
  );
  withFile(path('metrics.csv'), (sink) => writeMetricsCsv(store, sweepId, sink));
  writeFileSync(path('heatmap.svg'), heatmapSvg(capabilityCells(store, sweepId, 'utility_focal')));
  return [
    'results.csv',
    'summary.json',
    'all_results.json',
    'cells.csv',
    'metrics.csv',
    'heatmap.svg',
  ].map(path);
}
