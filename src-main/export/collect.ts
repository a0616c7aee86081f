// Writes a sweep's collected outputs into a folder: results.csv, summary.json, all_results.json
// and the capability x competition heatmap (heatmap.svg), as the research scripts expect, plus
// metrics.csv: every per-game analysis metric (welfare, Nash point, exploitation, ...).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { DIMENSION_COLUMNS, METRIC_COLUMNS, loadDataset } from '../analysis/dataset';
import { renderHeatmapSvg } from '../figures/heatmap';
import { loadRegistry } from '../registry/registry';
import type { Store } from '../store/store';
import { resultRows, resultsCsv, summarizeCells } from './results';
import type { CellSummary } from './results';

export interface CapabilityGrid {
  capabilities: number[];
  levels: number[];
  /** rows = capabilities (ascending), columns = competition levels (ascending) */
  values: (number | null)[][];
  n: number[][];
}

/** Arrange per-cell summaries as a capability x competition matrix of `metric`. */
export function capabilityGrid(
  cells: CellSummary[],
  metric: 'mean_utility_focal' | 'deal_rate' | 'mean_utility_others' | 'mean_agreement_round',
): CapabilityGrid {
  const caps = [...new Set(cells.map((c) => c.focal_capability ?? 0))].sort((a, b) => a - b);
  const levels = [...new Set(cells.map((c) => c.competition_level))].sort((a, b) => a - b);
  const values = caps.map(() => levels.map((): number | null => null));
  const n = caps.map(() => levels.map(() => 0));
  for (const c of cells) {
    const i = caps.indexOf(c.focal_capability ?? 0);
    const j = levels.indexOf(c.competition_level);
    values[i][j] = c[metric];
    n[i][j] = c.n_finished;
  }
  return { capabilities: caps, levels, values, n };
}

/** The sweep's finished games with every dimension and per-game metric, one row each. */
export function metricsCsv(store: Store, sweepId: string): string {
  const { rows } = loadDataset(store, [sweepId], { registry: loadRegistry(store) });
  const scores = [...new Set(rows.flatMap((r) => Object.keys(r)))]
    .filter((c) => c.startsWith('focal_score_'))
    .sort();
  const columns = ['game_id', ...DIMENSION_COLUMNS, 'focal_seat', ...scores, ...METRIC_COLUMNS];
  return stringify(
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { header: true, columns },
  );
}

/** Write results.csv, summary.json, all_results.json, metrics.csv and heatmap.svg; returns the paths. */
export function writeSweepOutputs(store: Store, sweepId: string, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const sweep = store.getSweep(sweepId);
  const rows = resultRows(store, sweepId);
  const cells = summarizeCells(rows);
  const files: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(outDir, name);
    writeFileSync(path, text);
    files.push(path);
  };
  write('results.csv', resultsCsv(rows));
  write(
    'summary.json',
    `${JSON.stringify({ sweep_id: sweepId, sweep_name: sweep?.name ?? null, games: rows.length, cells }, null, 2)}\n`,
  );
  write('all_results.json', `${JSON.stringify(rows, null, 2)}\n`);
  write('metrics.csv', metricsCsv(store, sweepId));
  const grid = capabilityGrid(cells, 'mean_utility_focal');
  const svg = renderHeatmapSvg(
    {
      title: 'Mean discounted utility of the focal agent',
      xLabel: 'Competition level (target cosine of values)',
      yLabel: 'Focal agent capability',
      valueLabel: 'Utility',
      xValues: grid.levels,
      yValues: grid.capabilities,
      cells: grid.capabilities.flatMap((cap, i) =>
        grid.levels.map((level, j) => ({
          x: level,
          y: cap,
          mean: grid.values[i][j],
          n: grid.n[i][j],
        })),
      ),
    },
    { width: 'full', palette: 'viridis' },
  );
  write('heatmap.svg', svg);
  return files;
}
