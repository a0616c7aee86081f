// Analysis benchmarks. heatmap_query_ms: the capability x competition heatmap of a sweep of
// 100,000 finished games (built in a temp file in one transaction). figure_export_ms: one
// full-width heatmap written as a vector PDF with embedded fonts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../games/rng';
import type { PlannedGame } from '../../src-shared/planned-game';
import { quickCells } from '../analysis/heatmap-query';
import { exportFigure } from '../figures/export';
import { renderHeatmapSvg } from '../figures/heatmap';
import { PT_PER_INCH } from '../figures/layout';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import type { BenchResult } from './types';
import { benchGame, benchParticipant } from './bench-games';

const CAPABILITIES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const LEVELS = [0, 0.25, 0.5, 0.75, 1];
/** A sweep of `count` finished two-agent games over a 10 x 5 grid, written in one transaction. */
export function buildSyntheticSweep(store: Store, count: number): string {
  const sweepId = 'bench-analysis';
  const rng = createRng(7);
  const reference = benchParticipant('reference', 0.5);
  const games: PlannedGame[] = [];
  for (let i = 0; i < count; i++) {
    const c = CAPABILITIES[i % CAPABILITIES.length];
    const level = LEVELS[Math.floor(i / CAPABILITIES.length) % LEVELS.length];
    const focal = benchParticipant(`br-${c}`, c);
    const isWeakFirst = c <= 0.5 ? i % 2 === 0 : i % 2 === 1;
    games.push(
      benchGame({
        id: `g${String(i).padStart(7, '0')}`,
        focal,
        reference,
        level,
        seed: i,
        runIndex: Math.floor(i / 50),
        order: i % 2 === 0 ? 'weak_first' : 'strong_first',
        referenceFirst: !isWeakFirst,
      }),
    );
  }
  store.transaction(() => {
    store.upsertSweep({ id: sweepId, name: 'bench: analysis', spec: {} });
    store.insertPlannedGames(sweepId, games);
    for (const g of games) {
      const deal = rng.next() < 0.9;
      const round = deal ? 1 + Math.floor(rng.next() * 10) : null;
      const raw = deal ? [Math.round(rng.next() * 100), Math.round(rng.next() * 100)] : [0, 0];
      const factor = round === null ? 0 : 0.9 ** (round - 1);
      store.finishGame(g.id, {
        deal,
        round,
        proposal: null,
        proposer: null,
        rawUtilities: raw,
        utilities: raw.map((u) => u * factor),
        invalidProposals: [0, 0],
        syntheticVotes: [0, 0],
        parseFailures: [0, 0],
      });
    }
  });
  return sweepId;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function heatmapQueryMs(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const file = join(dir, 'bench.db');
  const games = 100_000;
  const t0 = performance.now();
  const writer = openStore(file);
  const sweepId = buildSyntheticSweep(writer, games);
  // Closing checkpoints the WAL: the query then reads a database at rest, as analysis does.
  writer.close();
  const buildMs = performance.now() - t0;
  const store = openStore(file);
  try {
    const capability = (id: string) => Number(id.slice(3));
    const times: number[] = [];
    let cells = 0;
    let counted = 0;
    for (let rep = 0; rep < 5; rep++) {
      const start = performance.now();
      const grid = quickCells(store, { sweepId, metric: 'utility_focal', capability });
      times.push(performance.now() - start);
      cells = grid.length;
      counted = grid.reduce((a, c) => a + c.n, 0);
    }
    const value = median(times);
    // The same grid of a metric stored in a plain column (deal): what a stored focal utility would cost.
    const dealTimes: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      const start = performance.now();
      quickCells(store, { sweepId, metric: 'deal', capability });
      dealTimes.push(performance.now() - start);
    }
    return {
      name: 'heatmap_query_ms',
      value: round2(value),
      unit: 'ms',
      target: '< 100',
      pass: counted === games && value < 100,
      detail: {
        games,
        cells,
        metric: 'utility_focal',
        runs_ms: times.map(round2),
        build_store_ms: round2(buildMs),
        deal_column_ms: round2(median(dealTimes)),
      },
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function figureExportMs(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  try {
    const cells = CAPABILITIES.flatMap((c, i) =>
      LEVELS.map((level, j) => ({ x: level, y: c, mean: 20 + 6 * i - 8 * j, n: 40 })),
    );
    const svg = renderHeatmapSvg(
      {
        xLabel: 'Competition level (target cosine of values)',
        yLabel: 'Focal capability',
        valueLabel: 'Utility (discounted)',
        xValues: LEVELS,
        yValues: CAPABILITIES,
        cells,
      },
      { width: 'full', palette: 'viridis', digits: 1 },
    );
    const height = Number(/height="([\d.]+)"/.exec(svg)?.[1]);
    const times: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      const start = performance.now();
      await exportFigure(svg, {
        format: 'pdf',
        widthIn: 6.75,
        heightIn: height / PT_PER_INCH,
        outPath: join(dir, `heatmap-${rep}.pdf`),
        provenance: {
          sweepIds: ['bench'],
          query: { bench: 'figure_export_ms' },
          parleyVersion: 'bench',
          createdAt: new Date().toISOString(),
        },
      });
      times.push(performance.now() - start);
    }
    const value = median(times);
    return {
      name: 'figure_export_ms',
      value: round2(value),
      unit: 'ms',
      target: '< 2000',
      pass: value < 2000,
      detail: {
        width_in: 6.75,
        cells: cells.length,
        runs_ms: times.map(round2),
        first_run_includes_font_load: true,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
