// Concession curves and the matchup grid by hand, from a sweep the real CLI plays into a file
// database, then drawn by `parley figures` (SVG text checked, PNG and provenance written).
// Buy-sell preset: seller cost 40, buyer value 60, 10 turns, margin 16; the sellers (weaker,
// weak_first) open against the hardliner buyer, who asks 60 - 16 = 44 until its last turn
// (turn 9 or later), then 60 - 0.4 = 59.6.
//   linear seller: P(t) = 56 - 16 t / 10 on turns 1, 3, 5, 7: 54.4, 51.2, 48, 44.8 (asking
//     14.4, 11.2, 8, 4.8 over its cost); on turn 9 its 41.6 is below the standing 44: ACCEPT.
//   fixed-price strict seller: 48 (asking 8) on turns 1, 3, 5, 7, 9; the hardliner accepts
//     it on turn 10.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concessionCurves, matchupGrid } from '../../src-main/analysis/bargain-figures';
import { loadDataset } from '../../src-main/analysis/dataset';
import { createHost } from '../../src-main/host/host';
import type { BargainFiguresResult } from '../../src-shared/contract';
import { openStore } from '../../src-main/store/store';
import { runCli, tempDir } from './cli-helpers';

const SWEEP = {
  name: 'hand concession',
  game: { kind: 'price', params: { preset: 'buy-sell' } },
  participants: [
    { id: 'linear', kind: 'strategy', strategy: 'linear', scores: { capability: 0.1 } },
    {
      id: 'strict',
      kind: 'strategy',
      strategy: 'fixed-price-strict',
      scores: { capability: 0.2 },
    },
    { id: 'hardliner', kind: 'strategy', strategy: 'hardliner', scores: { capability: 0.9 } },
  ],
  lineup: { mode: 'baseline', baseline: 'hardliner', opponents: ['linear', 'strict'] },
  competition: { levels: [0] },
  orders: ['weak_first'],
  runs: { count: 1, baseSeed: 1 },
};

let dir: string;
let cleanup: () => void;
let db: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('parley-bargain-figures-'));
  db = join(dir, 'p.db');
  writeFileSync(join(dir, 's.json'), JSON.stringify(SWEEP));
  const run = runCli(['run', join(dir, 's.json'), '--db', db]);
  expect(run.stderr).toContain('2/2 finished, 0 running, 0 queued, 0 paused, 0 failed');
});
afterAll(() => cleanup());

/** One game per point: the interval collapses on the value. */
const at = (turn: number, v: number) => ({ turn, n: 1, mean: v, ciLow: v, ciHigh: v });

function withStore<T>(
  fn: (rows: ReturnType<typeof loadDataset>['rows'], store: ReturnType<typeof openStore>) => T,
): T {
  const store = openStore(db);
  try {
    const id = store.findSweep('hand concession')!.id;
    return fn(loadDataset(store, [id]).rows, store);
  } finally {
    store.close();
  }
}

describe('two-party figures by hand', () => {
  it('concession curves: what each seller asks over its cost, turn by turn, against the hardliner', () => {
    const curves = withStore((rows, store) => concessionCurves(store, rows, { seed: 1 }));
    expect(curves).toEqual({
      kind: 'price',
      opponent: 'hardliner',
      otherOpponents: [],
      series: [
        { id: 'linear', points: [at(1, 14.4), at(3, 11.2), at(5, 8), at(7, 4.8)] },
        { id: 'strict', points: [at(1, 8), at(3, 8), at(5, 8), at(7, 8), at(9, 8)] },
      ],
      games: 2,
    });
  });

  it('names the opponents when asked for one that was not played', () => {
    expect(() =>
      withStore((rows, store) => concessionCurves(store, rows, { seed: 1, opponent: 'nobody' })),
    ).toThrow('no games against opponent "nobody"; opponents: hardliner');
  });

  it('matchup grid: sellers x buyer, the price and deal rate of each pairing', () => {
    const grid = withStore((rows, store) => matchupGrid(store, rows, { metric: 'price', seed: 1 }));
    expect(grid.rows).toEqual(['linear', 'strict']);
    expect(grid.cols).toEqual(['hardliner']);
    expect(grid.roles).toEqual(['Seller', 'Buyer']);
    expect(
      grid.cells.map((c) => [c.row, c.col, c.games, c.value?.mean, c.value?.n, c.dealRate]),
    ).toEqual([
      ['linear', 'hardliner', 1, 44, 1, 1],
      ['strict', 'hardliner', 1, 48, 1, 1],
    ]);
  });

  it('the results screen gets both from results:bargainFigures', async () => {
    const store = openStore(db);
    try {
      const sweepId = store.findSweep('hand concession')!.id;
      const host = createHost({ store });
      const r = (await host.handle('results:bargainFigures', { sweepId })) as BargainFiguresResult;
      expect(r.notes).toEqual([]);
      expect(r.concession).toEqual({
        opponent: 'hardliner',
        otherOpponents: [],
        yLabel: 'Surplus asked, mean and 95% CI',
        series: [
          { id: 'linear', points: [at(1, 14.4), at(3, 11.2), at(5, 8), at(7, 4.8)] },
          { id: 'strict', points: [at(1, 8), at(3, 8), at(5, 8), at(7, 8), at(9, 8)] },
        ],
        games: 2,
      });
      expect(r.matchup).toMatchObject({
        metric: 'price',
        metricLabel: 'Agreed price',
        roles: ['Seller', 'Buyer'],
        rows: ['linear', 'strict'],
        cols: ['hardliner'],
      });
      expect(r.matchup!.cells.map((c) => [c.row, c.value?.mean, c.dealRate])).toEqual([
        ['linear', 44, 1],
        ['strict', 48, 1],
      ]);
      // Both export from the screen as `parley figures` draws them.
      const matchupSvg = (await host.handle('results:exportFigure', {
        sweepId,
        figure: 'matchup',
        metric: 'price',
        format: 'svg',
      })) as { fileName: string; content: string; provenance: { query: { figure: unknown } } };
      expect(matchupSvg.fileName).toBe('hand-concession-matchup-price.svg');
      expect(matchupSvg.content).toContain('>100% deals<');
      expect(matchupSvg.provenance.query.figure).toMatchObject({
        type: 'matchup',
        metric: 'price',
      });
      const curvesSvg = (await host.handle('results:exportFigure', {
        sweepId,
        figure: 'concession',
        format: 'svg',
        opponent: 'hardliner',
      })) as { fileName: string; content: string };
      expect(curvesSvg.fileName).toBe('hand-concession-concession.svg');
      expect(curvesSvg.content).toContain('>Turn (against hardliner)<');
      await expect(
        host.handle('results:bargainFigures', { sweepId, opponent: 'nobody' }),
      ).rejects.toThrow('no games against opponent "nobody"; opponents: hardliner');
    } finally {
      store.close();
    }
  });

  it('`parley figures` draws both, with their series, labels and cell notes', () => {
    const spec = {
      defaults: { sweeps: ['hand concession'], formats: ['svg', 'png'] },
      figures: [
        { id: 'concession', type: 'concession', width: 'full' },
        { id: 'matchup', type: 'matchup', metric: 'price', digits: 1 },
      ],
    };
    writeFileSync(join(dir, 'figs.json'), JSON.stringify(spec));
    const out = join(dir, 'out');
    const r = runCli(['figures', join(dir, 'figs.json'), '--out', out, '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('concession (concession, 2 games)');
    expect(r.stdout).toContain('matchup (matchup, 2 games)');

    const text = (file: string) =>
      [...readFileSync(join(out, file), 'utf8').matchAll(/<text[^>]*>([^<]*)/g)].map((m) => m[1]);
    const curves = text('concession.svg');
    expect(curves).toEqual(
      expect.arrayContaining(['linear', 'strict', 'Turn (against hardliner)']),
    );
    // One text element: the y label stays on one line.
    expect(curves).toContain('Surplus asked, mean and 95% CI');

    const grid = text('matchup.svg');
    expect(grid).toEqual(
      expect.arrayContaining(['Seller', 'Buyer (cells: mean, % deals)', 'Agreed price']),
    );
    expect(grid).toEqual(expect.arrayContaining(['linear', 'strict', 'hardliner']));
    // Each cell: the mean, then the deal rate on a second line.
    expect(grid).toEqual(expect.arrayContaining(['44.0', '48.0', '100% deals']));

    const png = readFileSync(join(out, 'matchup.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const provenance = JSON.parse(readFileSync(join(out, 'concession.png.json'), 'utf8')) as {
      query: { figure: { type: string; metric: string } };
    };
    expect(provenance.query.figure).toMatchObject({ type: 'concession', metric: 'demand' });
  });
});
