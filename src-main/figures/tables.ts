// Table export for papers: CSV for analysis (full precision) and LaTeX booktabs for the manuscript
// (rounded, escaped, numbers right-aligned). The LaTeX needs \usepackage{booktabs}.
import { stringify } from 'csv-stringify/sync';

/** A mean with its confidence interval, as the analysis reports per cell. */
export interface MeanCi {
  mean: number | null;
  ciLow?: number | null;
  ciHigh?: number | null;
}

export type TableCell = string | number | boolean | null | undefined | MeanCi;
export type TableRow = Record<string, TableCell>;

export interface TableColumn {
  key: string;
  header: string;
  /** 'text' is left-aligned; 'number' and 'ci' are right-aligned. Default: 'text'. */
  kind?: 'text' | 'number' | 'ci';
  /** Decimals in LaTeX; overrides the table-wide `digits`. */
  digits?: number;
}

export interface LatexOptions {
  /** Plain text, escaped. */
  caption?: string;
  /** A caption already written in LaTeX (e.g. with `$\pm$`), used as is; wins over `caption`. */
  captionLatex?: string;
  label?: string;
  digits: number;
  /** 'pm': $0.42 \pm 0.05$ (half the CI width); 'brackets': 0.42 [0.31, 0.55]. Default 'pm'. */
  ciStyle?: 'pm' | 'brackets';
}

function isMeanCi(cell: TableCell): cell is MeanCi {
  return typeof cell === 'object' && cell !== null && 'mean' in cell;
}

/**
 * CSV with a header row. A 'ci' column becomes three: `<header>`, `<header> CI low` and
 * `<header> CI high`; numbers keep full precision; missing values are empty.
 */
export function toCsv(rows: TableRow[], columns: TableColumn[]): string {
  const header = columns.flatMap((c) =>
    c.kind === 'ci' ? [c.header, `${c.header} CI low`, `${c.header} CI high`] : [c.header],
  );
  const body = rows.map((row) =>
    columns.flatMap((c) => {
      const cell = row[c.key];
      if (c.kind === 'ci')
        return isMeanCi(cell)
          ? [cell.mean, cell.ciLow, cell.ciHigh].map((v) => v ?? '')
          : [plain(cell), '', ''];
      return [plain(cell)];
    }),
  );
  return stringify([header, ...body]);
}

function plain(cell: TableCell): string | number | boolean {
  if (cell === null || cell === undefined) return '';
  if (isMeanCi(cell)) return cell.mean ?? '';
  return cell;
}

const LATEX_SPECIALS: Record<string, string> = {
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '\\': '\\textbackslash{}',
};

/** Escape the ten LaTeX special characters in one pass (so inserted backslashes stay single). */
export function escapeLatex(text: string): string {
  return text.replace(/[&%$#_{}~^\\]/g, (ch) => LATEX_SPECIALS[ch]);
}

/** A number for text mode: a real minus sign instead of a hyphen. */
function textNumber(value: number, digits: number): string {
  const fixed = value.toFixed(digits);
  return fixed.startsWith('-') ? `$-$${fixed.slice(1)}` : fixed;
}

function latexCell(cell: TableCell, column: TableColumn, opts: LatexOptions): string {
  const digits = column.digits ?? opts.digits;
  if (cell === null || cell === undefined) return '--';
  if (isMeanCi(cell)) {
    if (cell.mean === null) return '--';
    const { ciLow, ciHigh } = cell;
    if (ciLow === null || ciLow === undefined || ciHigh === null || ciHigh === undefined)
      return textNumber(cell.mean, digits);
    if ((opts.ciStyle ?? 'pm') === 'pm')
      return `$${cell.mean.toFixed(digits)} \\pm ${((ciHigh - ciLow) / 2).toFixed(digits)}$`;
    return `${textNumber(cell.mean, digits)} [${textNumber(ciLow, digits)}, ${textNumber(ciHigh, digits)}]`;
  }
  if (typeof cell === 'number')
    return column.kind === 'text' ? escapeLatex(String(cell)) : textNumber(cell, digits);
  return escapeLatex(String(cell));
}

/** A booktabs table (\toprule, \midrule, \bottomrule) inside a floating table environment. */
export function toLatexBooktabs(
  rows: TableRow[],
  columns: TableColumn[],
  opts: LatexOptions,
): string {
  const align = columns.map((c) => (c.kind === 'number' || c.kind === 'ci' ? 'r' : 'l')).join('');
  const line = (cells: string[]): string => `    ${cells.join(' & ')} \\\\`;
  return [
    '\\begin{table}[t]',
    '  \\centering',
    ...captionLines(opts),
    `  \\begin{tabular}{${align}}`,
    '    \\toprule',
    line(columns.map((c) => escapeLatex(c.header))),
    '    \\midrule',
    ...rows.map((row) => line(columns.map((c) => latexCell(row[c.key], c, opts)))),
    '    \\bottomrule',
    '  \\end{tabular}',
    '\\end{table}',
    '',
  ].join('\n');
}

function captionLines(opts: LatexOptions): string[] {
  const caption = opts.captionLatex ?? (opts.caption ? escapeLatex(opts.caption) : undefined);
  return [
    ...(caption ? [`  \\caption{${caption}}`] : []),
    ...(opts.label ? [`  \\label{${opts.label}}`] : []),
  ];
}

export interface MatrixTable {
  /** The row variables (e.g. capability and participant), each a text column at the left. */
  rowColumns: TableColumn[];
  rows: TableRow[];
  /** Name of the variable across (e.g. "Competition level") and its values, in order. */
  across: { header: string; values: string[] };
  /** cells[r][k]: row r at the k-th value across. */
  cells: (MeanCi | null)[][];
}

/** Up to this many value columns a matrix fits one column of the page; more use table*. */
export const MATRIX_COLUMN_MAX = 5;

/**
 * A booktabs matrix: rows by the row variables, one column per value of the variable across
 * (a capability x competition-level table fits a page where a long list of cells does not). A
 * wide matrix spans both columns (table*) in \\small with tighter column padding.
 */
export function toLatexMatrix(m: MatrixTable, opts: LatexOptions): string {
  const k = m.across.values.length;
  const wide = k > MATRIX_COLUMN_MAX;
  const env = wide ? 'table*' : 'table';
  const lead = m.rowColumns.length;
  const line = (cells: string[]): string => `    ${cells.join(' & ')} \\\\`;
  const ciColumn: TableColumn = { key: 'value', header: '', kind: 'ci' };
  return [
    `\\begin{${env}}[t]`,
    '  \\centering',
    ...captionLines(opts),
    ...(wide ? ['  \\small', '  \\setlength{\\tabcolsep}{4pt}'] : []),
    `  \\begin{tabular}{${'l'.repeat(lead)}${'r'.repeat(k)}}`,
    '    \\toprule',
    line([
      ...Array<string>(lead).fill(''),
      `\\multicolumn{${k}}{c}{${escapeLatex(m.across.header)}}`,
    ]),
    `    \\cmidrule(lr){${lead + 1}-${lead + k}}`,
    line([...m.rowColumns.map((c) => escapeLatex(c.header)), ...m.across.values.map(escapeLatex)]),
    '    \\midrule',
    ...m.rows.map((row, r) =>
      line([
        ...m.rowColumns.map((c) => latexCell(row[c.key], c, opts)),
        ...m.cells[r].map((cell) => latexCell(cell, ciColumn, opts)),
      ]),
    ),
    '    \\bottomrule',
    '  \\end{tabular}',
    `\\end{${env}}`,
    '',
  ].join('\n');
}
