// The price game's metrics from the real CLI on a file database, by hand. Buy-sell preset:
// seller cost 40, buyer value 60 at level 0 and 40 at level 1 (no zone), 10 turns, margin 16,
// the seller (the weaker seat, weak_first) opens. Fixed-price strict asks 40 + 16/2 = 48;
// fixed-price loose (buyer) asks 60 - 8 = 52 and accepts up to 56; the hardliner opens at 56.
//   strict vs loose, level 0:    48 offered, accepted on turn 2: seller 8, buyer 12 (0.4 / 0.6)
//   hardliner vs loose, level 0: 56 offered, accepted on turn 2: seller 16, buyer 4 (0.8 / 0.2)
//   level 1 (b = s = 40): the buyer accepts at most 36, so no deal; it rejects on turn 10.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridResult } from '../../src-shared/contract';
import { createHost } from '../../src-main/host/host';
import { openStore } from '../../src-main/store/store';
import { runCli, tempDir } from './cli-helpers';

const SWEEP = {
  name: 'hand price',
  game: { kind: 'price', params: { preset: 'buy-sell' } },
  agents: 2,
  participants: [
    {
      id: 'strict',
      kind: 'strategy',
      strategy: 'fixed-price-strict',
      scores: { capability: 0.1 },
    },
    { id: 'hardliner', kind: 'strategy', strategy: 'hardliner', scores: { capability: 0.2 } },
    { id: 'loose', kind: 'strategy', strategy: 'fixed-price-loose', scores: { capability: 0.9 } },
  ],
  lineup: {
    mode: 'lineups',
    lineups: [
      ['strict', 'loose'],
      ['hardliner', 'loose'],
    ],
  },
  competition: { levels: [0, 1] },
  orders: ['weak_first'],
  runs: { count: 1, baseSeed: 1 },
};

let dir: string;
let cleanup: () => void;
let db: string;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('parley-bargain-metrics-'));
  db = join(dir, 'p.db');
  const file = join(dir, 's.json');
  writeFileSync(file, JSON.stringify(SWEEP));
  const run = runCli(['run', file, '--db', db]);
  expect(run.stderr).toContain('4/4 finished, 0 running, 0 queued, 0 paused, 0 failed');
});
afterAll(() => cleanup());

interface CellRow {
  focal_id?: string;
  competition_level: number;
  n: number;
  mean: number | null;
  sd: number | null;
  ci_low: number | null;
  ci_high: number | null;
  missing: number;
  planned_n?: number;
  flag?: string;
}

function analyze(metric: string, by: string): CellRow[] {
  const r = runCli([
    'analyze',
    'hand price',
    '--db',
    db,
    '--metric',
    metric,
    '--by',
    by,
    '--ci',
    't',
    '--json',
  ]);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { rows: CellRow[] }).rows;
}

/**
 * One game per cell (planned n 1): n 1, SD null, the interval collapsed on the value; a game
 * without the value (no deal) leaves the cell empty and flagged.
 */
const one = (focal: string, level: number, v: number | null): CellRow =>
  v === null
    ? {
        focal_id: focal,
        competition_level: level,
        n: 0,
        mean: null,
        sd: null,
        ci_low: null,
        ci_high: null,
        missing: 1,
        planned_n: 1,
        flag: 'below planned n',
      }
    : {
        focal_id: focal,
        competition_level: level,
        n: 1,
        mean: v,
        sd: null,
        ci_low: v,
        ci_high: v,
        missing: 0,
        planned_n: 1,
        flag: '',
      };

/** Per game, ordered hardliner then strict (by id), level 0 then 1. */
const perGame = (h0: number | null, h1: number | null, s0: number | null, s1: number | null) => [
  one('hardliner', 0, h0),
  one('hardliner', 1, h1),
  one('strict', 0, s0),
  one('strict', 1, s1),
];

describe('price metrics from `parley analyze --json` (hand-computed)', () => {
  it.each([
    ['price', perGame(56, null, 48, null)],
    ['seller_surplus', perGame(16, 0, 8, 0)],
    ['buyer_surplus', perGame(4, 0, 12, 0)],
    ['seller_zone_share', perGame(0.8, null, 0.4, null)],
    ['buyer_zone_share', perGame(0.2, null, 0.6, null)],
    // The focal agent (first of each line-up) is the seller.
    ['zone_share_focal', perGame(0.8, null, 0.4, null)],
    ['price_rho', perGame(0.8, null, 0.4, null)],
    ['win_focal', perGame(1, null, 0, null)],
    ['irrational_seller', perGame(0, 0, 0, 0)],
    ['irrational_buyer', perGame(0, 0, 0, 0)],
    ['irrational_focal', perGame(0, 0, 0, 0)],
    ['deal', perGame(1, 0, 1, 0)],
    ['round', perGame(2, null, 2, null)],
    ['invalid_proposals', perGame(0, 0, 0, 0)],
  ])('%s per game', (metric, expected) => {
    expect(analyze(metric, 'focal_id,competition_level')).toEqual(expected);
  });

  it('pools a level with a t interval: price at level 0 is 52 +- t(0.975, 1) x 4', () => {
    // Values 48 and 56: mean 52, SD sqrt(32) = 5.657, half-width 12.7062047 x 5.657 / sqrt(2).
    const [level0, level1] = analyze('price', 'competition_level');
    expect(level0.n).toBe(2);
    expect(level0.mean).toBe(52);
    expect(level0.sd).toBeCloseTo(Math.sqrt(32), 12);
    expect(level0.ci_low).toBeCloseTo(52 - 12.7062047362 * 4, 8);
    expect(level0.ci_high).toBeCloseTo(52 + 12.7062047362 * 4, 8);
    expect(level1).toEqual({
      competition_level: 1,
      n: 0,
      mean: null,
      sd: null,
      ci_low: null,
      ci_high: null,
      missing: 2,
    });
  });

  it('the results grid (UI heatmap) has the same cells, read from the outcomes', async () => {
    const store = openStore(db);
    try {
      const sweepId = store.findSweep('hand price')!.id;
      const g = (await createHost({ store }).handle('results:grid', {
        sweepId,
        metric: 'zone_share_focal',
      })) as GridResult;
      expect(g.games).toBe(4);
      expect(g.x.map((c) => c.focalId)).toEqual(['strict', 'hardliner']);
      expect(g.cells.map((c) => [c.focalId, c.level, c.n, c.mean])).toEqual([
        ['strict', 0, 1, 0.4],
        ['strict', 1, 0, null],
        ['hardliner', 0, 1, 0.8],
        ['hardliner', 1, 0, null],
      ]);
      // Invalid offers too: none in these games, one value per game.
      const invalid = (await createHost({ store }).handle('results:grid', {
        sweepId,
        metric: 'invalid_proposals',
      })) as GridResult;
      expect(invalid.cells.map((c) => [c.n, c.mean])).toEqual([
        [1, 0],
        [1, 0],
        [1, 0],
        [1, 0],
      ]);
    } finally {
      store.close();
    }
  });
});
