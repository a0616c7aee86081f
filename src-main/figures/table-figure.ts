// A table figure's files: its cells as CSV and as a LaTeX booktabs table (or, pivoted, a matrix
// of one metric), every cell its mean and 95% bootstrap CI.
import { compareValues } from '../analysis/cells';
import type { FigureData } from './figure-data';
import type { FigureEntry } from './figure-spec';
import { asCategory, type Category, type FigureLabels } from './labels';
import {
  escapeLatex,
  toCsv,
  toLatexBooktabs,
  toLatexMatrix,
  type MeanCi,
  type TableColumn,
  type TableRow,
} from './tables';

export function tableFiles(
  f: Extract<FigureEntry, { type: 'table' }>,
  data: FigureData,
  labels: FigureLabels,
) {
  const keyOf = (key: Record<string, unknown>) => JSON.stringify(f.by.map((b) => key[b] ?? null));
  const byKey = new Map<string, TableRow>();
  for (const [i, metric] of f.metrics.entries()) {
    for (const g of data.cells[i]()) {
      const row = byKey.get(keyOf(g.key)) ?? {
        ...(Object.fromEntries(f.by.map((b) => [b, asCategory(g.key[b])])) as TableRow),
        n: g.n + g.missing,
      };
      row[metric] = { mean: g.mean, ciLow: g.ciLow, ciHigh: g.ciHigh };
      byKey.set(keyOf(g.key), row);
    }
  }
  const columns: TableColumn[] = [
    ...f.by.map((b): TableColumn => ({ key: b, header: labels.column(b), kind: 'text' })),
    { key: 'n', header: 'n', kind: 'number', digits: 0 },
    ...f.metrics.map((m): TableColumn => ({ key: m, header: labels.column(m), kind: 'ci' })),
  ];
  const tableRows = [...byKey.values()];
  // Cells are found and sorted by their values; they are named (an incentive for its level) last.
  const shown = tableRows.map((r) => ({
    ...r,
    ...Object.fromEntries(f.by.map((b) => [b, labels.value(b, r[b] as Category)])),
  }));
  const ns = tableRows.map((r) => r.n as number);
  const [nLo, nHi] = [Math.min(...ns), Math.max(...ns)];
  const nText = nLo === nHi ? `n = ${nLo}` : `n = ${nLo}--${nHi}`;
  const what = f.metrics.map((m) => escapeLatex(labels.column(m))).join(', ');
  const captionLatex = `${what}: mean $\\pm$ half the 95\\% bootstrap CI; ${nText} games per cell.`;
  const latexOpts = {
    digits: f.digits,
    ...(f.caption ? { caption: f.caption } : { captionLatex }),
    label: `tab:${f.id}`,
  };
  return {
    csv: toCsv(shown, columns),
    tex: f.pivot
      ? toLatexMatrix(matrixOf(f, f.pivot, tableRows, columns, labels), latexOpts)
      : toLatexBooktabs(shown, columns, latexOpts),
  };
}

/** The table's cells as rows by the other `by` columns and one column per value of `pivot`. */
function matrixOf(
  f: Extract<FigureEntry, { type: 'table' }>,
  pivot: string,
  tableRows: TableRow[],
  columns: TableColumn[],
  labels: FigureLabels,
) {
  if (!f.by.includes(pivot))
    throw new Error(`${f.id}: pivot "${pivot}" must be one of by (${f.by.join(', ')})`);
  if (f.metrics.length !== 1)
    throw new Error(`${f.id}: a pivoted table shows one metric; metrics has ${f.metrics.length}`);
  const metric = f.metrics[0];
  const rowKeys = f.by.filter((b) => b !== pivot);
  const across = [...new Set(tableRows.map((r) => r[pivot] as Category))].sort(compareValues);
  const rowOf = (r: TableRow) => JSON.stringify(rowKeys.map((k) => r[k]));
  const byRow = new Map<string, { row: TableRow; cells: (MeanCi | null)[] }>();
  for (const r of tableRows) {
    const key = rowOf(r);
    let entry = byRow.get(key);
    if (!entry) {
      entry = {
        row: Object.fromEntries(
          rowKeys.map((k) => [k, labels.value(k, r[k] as Category)]),
        ) as TableRow,
        cells: across.map(() => null),
      };
      byRow.set(key, entry);
    }
    entry.cells[across.indexOf(r[pivot] as Category)] = r[metric] as MeanCi;
  }
  const entries = [...byRow.values()];
  return {
    rowColumns: columns.filter((c) => rowKeys.includes(c.key)),
    rows: entries.map((e) => e.row),
    across: {
      header: labels.column(pivot),
      values: across.map((raw) => {
        const v = labels.value(pivot, raw);
        return typeof v === 'number' ? String(Number(v.toPrecision(6))) : v;
      }),
    },
    cells: entries.map((e) => e.cells),
  };
}
