// The heatmap as a table: its keyboard and screen-reader form. Every cell is a button with the
// mean, its 95% CI and n printed (Tab reaches the grid, arrow keys move, Enter opens the games).
import type { GridCell, GridResult } from '../../../src-shared/contract';
import { metricDigits } from '../../../src-shared/metrics';
import { cellArrowKeys } from '../../lib/cell-keys';
import { xLabel, yLabel } from '../../lib/charts';
import { fmt } from '../../lib/format';

/** One line for a cell: "0.42 [0.31, 0.55], n = 20" (or "no games"). */
export function gridCellText(grid: GridResult, c: GridCell): string {
  const d = metricDigits(grid.metric);
  if (c.n === 0) return 'no games';
  if (c.mean === null) return `no value, n = ${c.n}`;
  const ci = c.ciLow === null ? '' : ` [${fmt(c.ciLow, d)}, ${fmt(c.ciHigh, d)}]`;
  return `${fmt(c.mean, d)}${ci}, n = ${c.n}`;
}

export function GridTable({
  grid,
  selected,
  onSelect,
}: {
  grid: GridResult;
  selected: { focalId: string; level: number } | null;
  onSelect: (cell: GridCell) => void;
}) {
  const d = metricDigits(grid.metric);
  const at = new Map(grid.cells.map((c) => [`${c.xi}:${c.yi}`, c]));
  // Highest competition on top, as in the heatmap.
  const levels = grid.y.map((level, yi) => ({ level, yi })).reverse();
  const onKeyDown = cellArrowKeys(grid.x.length, grid.y.length);
  return (
    <div className="table-scroll">
      <table className="grid compact grid-table" data-testid="grid-table" onKeyDown={onKeyDown}>
        <caption className="muted small">
          Mean [95% CI] and n per cell. Arrow keys move between cells, Enter lists a cell’s games.
        </caption>
        <thead>
          <tr>
            <th scope="col">{grid.yName ?? 'competition'}</th>
            {grid.x.map((_, xi) => (
              <th key={xi} scope="col" className="num">
                {xLabel(grid, xi)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {levels.map(({ level, yi }) => (
            <tr key={yi}>
              <th scope="row" className="num">
                {grid.yLabels?.[yi] ?? fmt(level, 2)}
              </th>
              {grid.x.map((_, xi) => {
                const c = at.get(`${xi}:${yi}`);
                if (!c) return <td key={xi} className="muted" />;
                const isSelected =
                  selected?.focalId === c.focalId && Math.abs(selected.level - c.level) < 1e-9;
                return (
                  <td key={xi} className="num">
                    <button
                      type="button"
                      className="grid-cell"
                      data-xi={xi}
                      data-yi={yi}
                      data-testid={`grid-cell-${xi}-${yi}`}
                      aria-pressed={isSelected}
                      aria-label={`${xLabel(grid, xi)}, ${yLabel(grid, yi)}: ${gridCellText(grid, c)}`}
                      onClick={() => onSelect(c)}
                    >
                      <span className="grid-mean">{c.mean === null ? '–' : fmt(c.mean, d)}</span>
                      {c.ciLow !== null && (
                        <span className="small">
                          {' '}
                          [{fmt(c.ciLow, d)}, {fmt(c.ciHigh, d)}]
                        </span>
                      )}
                      <span className="small muted"> n {c.n}</span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
