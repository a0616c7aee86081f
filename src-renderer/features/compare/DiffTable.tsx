// The difference grid as a table: the keyboard and screen-reader form of the heatmap. Every cell
// is a button (Tab reaches the grid, arrow keys move within it, Enter opens the cell's pairs).
import type { KeyboardEvent } from 'react';
import type { CompareCell, CompareResult } from '../../../src-shared/contract';
import { fmt } from '../../lib/format';
import { cellSummary, diffDigits, fmtDiff, fmtP, xLabelOf } from './compare-chart';

export function DiffTable({
  result,
  selected,
  onSelect,
}: {
  result: CompareResult;
  selected: CompareCell | null;
  onSelect: (cell: CompareCell) => void;
}) {
  const d = diffDigits(result.metric);
  const at = new Map(result.cells.map((c) => [`${c.xi}:${c.yi}`, c]));
  const levels = result.y.map((level, yi) => ({ level, yi })).reverse();
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, 1],
      ArrowDown: [0, -1],
    };
    const move = moves[e.key];
    const el = e.target as HTMLElement;
    if (!move || el.dataset.xi === undefined) return;
    e.preventDefault();
    const [dx, dy] = move;
    let xi = Number(el.dataset.xi);
    let yi = Number(el.dataset.yi);
    // Skip holes: walk in the direction until a cell exists or the edge is reached.
    for (;;) {
      xi += dx;
      yi += dy;
      if (xi < 0 || yi < 0 || xi >= result.x.length || yi >= result.y.length) return;
      if (at.has(`${xi}:${yi}`)) break;
    }
    e.currentTarget.querySelector<HTMLElement>(`[data-xi="${xi}"][data-yi="${yi}"]`)?.focus();
  };
  return (
    <div className="table-scroll">
      <table className="grid compact diff-table" data-testid="diff-table" onKeyDown={onKeyDown}>
        <caption className="muted small">
          B − A per cell: mean difference [95% CI], pairs n, sign-flip p, Wilcoxon signed-rank p (W
          p). Arrow keys move, Enter opens the pairs.
        </caption>
        <thead>
          <tr>
            <th scope="col">competition</th>
            {result.x.map((_, xi) => (
              <th key={xi} scope="col">
                {xLabelOf(result, xi)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {levels.map(({ level, yi }) => (
            <tr key={yi}>
              <th scope="row" className="num">
                {fmt(level, 2)}
              </th>
              {result.x.map((_, xi) => {
                const c = at.get(`${xi}:${yi}`);
                if (!c)
                  return (
                    <td key={xi} className="muted">
                      –
                    </td>
                  );
                const isSelected = selected?.xi === xi && selected?.yi === yi;
                return (
                  <td key={xi} className="num">
                    <button
                      type="button"
                      className="diff-cell"
                      data-xi={xi}
                      data-yi={yi}
                      data-testid={`diff-cell-${xi}-${yi}`}
                      aria-pressed={isSelected}
                      aria-label={`${xLabelOf(result, xi)}, competition ${fmt(level, 2)}: ${cellSummary(result, c)}`}
                      onClick={() => onSelect(c)}
                    >
                      <span className="diff-mean">{fmtDiff(c.meanDiff, d)}</span>
                      {c.ciLow !== null && (
                        <span className="small">
                          {' '}
                          [{fmtDiff(c.ciLow, d)}, {fmtDiff(c.ciHigh, d)}]
                        </span>
                      )}
                      <span className="small muted">
                        {' '}
                        n {c.n} · p {fmtP(c.p)} · W p {fmtP(c.wilcoxonP)}
                        {c.unpairedA + c.unpairedB > 0 &&
                          ` · unpaired ${c.unpairedA}/${c.unpairedB}`}
                      </span>
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
