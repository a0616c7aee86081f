// Writes a sweep's collected outputs into a folder: results.csv, summary.json, all_results.json
// and the capability x competition heatmap (heatmap.svg), as the research scripts expect.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHeatmapSvg } from '../figures/heatmap';
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

/** Write results.csv, summary.json, all_results.json and heatmap.svg; returns the file paths. */
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
