// The capability x competition grid of `parley analyze --view heatmap` (and quick-heatmap) as
// text, and its cells table; an incentive sweep's levels are named by their incentives
// (incentive-cells.ts, the mapping the results screen and the figures use).
import type { Cell } from '../analysis/cells';
import { cellMatrix } from '../analysis/cells';
import type { Table } from '../analysis/views';
import { metricDigits } from '../../src-shared/metrics';
import type { IncentiveAxis } from '../sweeps/incentive-cells';
import { formatGrid } from './text-format';

/** A capability x competition grid as text: rows by focal capability (unknown last), columns by level. */
export function gridText(
  cells: readonly Cell[],
  opts: { metric: string; rows: string; levels: IncentiveAxis | null },
): string {
  const m = cellMatrix(cells, 'focal_capability', 'competition_level');
  const across = opts.levels ? opts.levels.title : 'competition level';
  return formatGrid({
    title: `${opts.metric}: mean per cell (rows: ${opts.rows}, columns: ${across})`,
    corner: 'capability',
    rowLabels: m.rowValues.map((v) => (v === null ? 'unknown' : String(v))),
    colLabels: m.colValues.map((v) =>
      opts.levels && typeof v === 'number' ? opts.levels.label(v) : String(v),
    ),
    values: m.cells.map((row) => row.map((c) => c?.mean ?? null)),
    digits: metricDigits(opts.metric),
  });
}

/** The cells table with a focal_incentive column after competition_level, for an incentive sweep. */
export function withIncentiveColumn(table: Table, levels: IncentiveAxis | null): Table {
  if (!levels) return table;
  const at = table.columns.indexOf('competition_level') + 1;
  return {
    ...table,
    columns: [...table.columns.slice(0, at), 'focal_incentive', ...table.columns.slice(at)],
    rows: table.rows.map((r) => ({
      ...r,
      focal_incentive:
        typeof r.competition_level === 'number' ? levels.label(r.competition_level) : null,
    })),
  };
}
