// The size of a sweep's grid, counted from the document's lists without building a game, and
// the cap on games per sweep (SWEEP_LIMITS.defaultMaxGames unless the sweep sets `maxGames`).
import type { Sweep, SweepIssue } from '../../src-shared/sweep';
import { maxGamesOf } from '../../src-shared/sweep';
import { countCells } from './cells';
import { countLineups } from './lineups';

export interface GridSize {
  lineups: number;
  cells: number;
  orders: number;
  runs: number;
  /** lineups x cells x orders x runs (may exceed 2^53 or be Infinity for absurd documents). */
  games: number;
}

export function gridSize(sweep: Sweep, orders: number): GridSize {
  const lineups = countLineups(sweep);
  const cells = countCells(sweep);
  const runs = 'seeds' in sweep.runs ? sweep.runs.seeds.length : sweep.runs.count;
  return { lineups, cells, orders, runs, games: lineups * cells * orders * runs };
}

/** An issue when the grid plans more games than the sweep's cap. */
export function checkGridSize(sweep: Sweep, orders: number): SweepIssue | null {
  const size = gridSize(sweep, orders);
  const cap = maxGamesOf(sweep);
  if (size.games <= cap) return null;
  const n = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US') : 'more than 10^308');
  return {
    path: sweep.maxGames !== undefined ? 'maxGames' : '(root)',
    message:
      `the sweep plans ${n(size.games)} games (${n(size.lineups)} line-ups x ${n(size.cells)} cells x ` +
      `${size.orders} orders x ${n(size.runs)} runs), more than the cap of ${cap.toLocaleString('en-US')} games per sweep; ` +
      `split it into smaller sweeps, or raise the cap with "maxGames": ${Number.isFinite(size.games) ? size.games : 'N'} in the document`,
  };
}
