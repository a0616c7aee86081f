// One sweep, four surfaces: the results screen's grid (the host's request handler, as the UI
// calls it through the contract), `parley analyze --json` and the cells.csv of `parley export`
// (both as CLI processes on the same SQLite file), and the table the results screen exports as
// CSV give identical cells: n, mean and 95% CI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFigureResult, GridResult, ResultMetric } from '../../src-shared/contract';
import { STORED_METRIC_IDS, metricAxisLabel, metricDef } from '../../src-shared/metrics';
import { buildSyntheticSweep } from '../../src-main/bench/analysis-bench';
import { createHost } from '../../src-main/host/host';
import { openStore } from '../../src-main/store/store';
import { runCli, tempDir } from './cli-helpers';

const tmp = tempDir('parley-surfaces-');
const db = join(tmp.dir, 'sweep.db');
const out = join(tmp.dir, 'export');
let sweepId: string;

beforeAll(() => {
  const store = openStore(db);
  // 10 focal participants x 5 competition levels x 6 games, about 10% without a deal.
  sweepId = buildSyntheticSweep(store, 300);
  store.close();
  const exported = runCli(['export', sweepId, '--db', db, '--out', out]);
  expect(exported.stderr).toBe('');
  expect(exported.status).toBe(0);
});
afterAll(() => tmp.cleanup());

type Cell = {
  focalId: string;
  level: number;
  n: number;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
};

async function screen(metric: ResultMetric): Promise<Cell[]> {
  const store = openStore(db);
  try {
    const grid = (await createHost({ store }).handle('results:grid', {
      sweepId,
      metric,
    })) as GridResult;
    return grid.cells
      .filter((c) => c.n > 0)
      .map((c) => ({
        focalId: c.focalId,
        level: c.level,
        n: c.n,
        mean: c.mean,
        ciLow: c.ciLow,
        ciHigh: c.ciHigh,
      }));
  } finally {
    store.close();
  }
}

function analyze(metric: string): Cell[] {
  const r = runCli([
    'analyze',
    sweepId,
    '--db',
    db,
    '--metric',
    metric,
    '--by',
    'focal_id,competition_level',
    '--json',
  ]);
  expect(r.stderr).toBe('');
  const rows = (JSON.parse(r.stdout) as { rows: Record<string, number | string | null>[] }).rows;
  return rows
    .filter((row) => (row.n as number) > 0)
    .map((row) => ({
      focalId: row.focal_id as string,
      level: row.competition_level as number,
      n: row.n as number,
      mean: row.mean as number | null,
      ciLow: row.ci_low as number | null,
      ciHigh: row.ci_high as number | null,
    }));
}

function exportedCsv(metric: string): Cell[] {
  const rows = parse(readFileSync(join(out, 'cells.csv'), 'utf8'), { columns: true }) as Record<
    string,
    string
  >[];
  const num = (s: string) => (s === '' ? null : Number(s));
  return rows
    .filter((row) => row.metric === metric && Number(row.n) > 0)
    .map((row) => ({
      focalId: row.focal_id,
      level: Number(row.competition_level),
      n: Number(row.n),
      mean: num(row.mean),
      ciLow: num(row.ci_low),
      ciHigh: num(row.ci_high),
    }));
}

/** The cell table the results screen exports (results:exportFigure, figure table, csv). */
async function exportedTable(metric: ResultMetric): Promise<Omit<Cell, 'n'>[]> {
  const store = openStore(db);
  try {
    const file = (await createHost({ store }).handle('results:exportFigure', {
      sweepId,
      figure: 'table',
      metric,
      format: 'csv',
    })) as ExportFigureResult;
    const label = metricAxisLabel(metricDef(metric));
    const rows = parse(file.content, { columns: true }) as Record<string, string>[];
    const num = (s: string) => (s === '' ? null : Number(s));
    return rows
      .filter((row) => row[label] !== '')
      .map((row) => ({
        focalId: row['Focal model'],
        level: Number(row['Competition level']),
        mean: num(row[label]),
        ciLow: num(row[`${label} CI low`]),
        ciHigh: num(row[`${label} CI high`]),
      }));
  } finally {
    store.close();
  }
}

const byCell = <C extends Omit<Cell, 'n'>>(cells: C[]) =>
  [...cells].sort((a, b) => a.focalId.localeCompare(b.focalId) || a.level - b.level);

describe('the same cells on screen, in `parley analyze` and in the exported CSV', () => {
  // The stored metrics: those cells.csv carries (the screen grids more, read from outcomes).
  it.each(STORED_METRIC_IDS)('%s', async (metric) => {
    const id = metric;
    const onScreen = byCell(await screen(metric));
    // 50 cells, 300 games (fewer where the metric is missing, e.g. a round without a deal).
    expect(onScreen).toHaveLength(50);
    if (metric === 'utility_focal') expect(onScreen.reduce((a, c) => a + c.n, 0)).toBe(300);
    // A real interval: not a degenerate [mean, mean].
    expect(onScreen.some((c) => c.ciLow! < c.mean! && c.mean! < c.ciHigh!)).toBe(true);
    expect(byCell(analyze(id))).toEqual(onScreen);
    expect(byCell(exportedCsv(id))).toEqual(onScreen);
    expect(byCell(await exportedTable(metric))).toEqual(onScreen.map(({ n: _n, ...c }) => c));
  });
});
