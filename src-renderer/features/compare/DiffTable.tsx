// The difference grid as a table: the keyboard and screen-reader form of the heatmap. Every cell
// is a button (Tab reaches the grid, arrow keys move within it, Enter opens the cell's pairs).
import type { CompareCell, CompareResult } from '../../../src-shared/contract';
import { cellArrowKeys } from '../../lib/cell-keys';
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
  // Holes are walked over: an arrow goes to the next cell that has pairs.
  const onKeyDown = cellArrowKeys(result.x.length, result.y.length, (xi, yi) =>
    at.has(`${xi}:${yi}`),
  );
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
