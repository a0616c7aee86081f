// One line above a cell's games: n, the mean with its 95% CI (the cell as the grid has it) and
// the deal rate of the cell's finished games.
import type { GameSummary, GridResult } from '../../../src-shared/contract';
import { metricDef, metricDigits } from '../../../src-shared/metrics';
import type { ResultsCell } from '../../lib/route';
import { fmt, fmtCI } from '../../lib/format';
import { useApp } from '../../state/hooks';

/** Deals among the finished games, or null without any. */
export function dealRate(games: readonly GameSummary[]): { deals: number; finished: number } {
  const finished = games.filter((g) => g.status === 'finished');
  return { deals: finished.filter((g) => g.deal === true).length, finished: finished.length };
}

export function CellSummary({ grid, cell }: { grid: GridResult; cell: ResultsCell }) {
  const games = useApp((s) => s.cellGames);
  const total = useApp((s) => s.cellGamesTotal);
  const c = grid.cells.find(
    (g) => g.focalId === cell.focalId && Math.abs(g.level - cell.level) < 1e-9,
  );
  if (!c) return null;
  const rate = games.state === 'ready' ? dealRate(games.value) : null;
  const ci = grid.ci === 'bootstrap' ? '95% bootstrap CI' : '95% t CI';
  return (
    <p className="cell-summary" data-testid="cell-summary">
      <span>
        n = <strong className="num">{c.n}</strong>
      </span>
      <span>
        {metricDef(grid.metric).label}:{' '}
        <strong className="num">
          {fmtCI(c.mean, c.ciLow, c.ciHigh, metricDigits(grid.metric))}
        </strong>{' '}
        <span className="muted">(mean [{ci}])</span>
      </span>
      <span>
        deal rate:{' '}
        <strong className="num">
          {rate === null
            ? '…'
            : rate.finished === 0
              ? '–'
              : `${fmt((100 * rate.deals) / rate.finished, 0)}% (${rate.deals} of ${rate.finished})`}
        </strong>
      </span>
      {games.state === 'ready' && total > games.value.length && (
        <span className="notice notice-warn" data-testid="cell-games-capped">
          listing the first {games.value.length.toLocaleString('en-US')} of{' '}
          {total.toLocaleString('en-US')} games (deal rate over those); Runs › Games pages through
          all of them
        </span>
      )}
    </p>
  );
}
