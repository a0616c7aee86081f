// The tables of `parley analyze` as text (fixed-width columns, one precision per family of
// columns), JSON or CSV on stdout.
import { stringify } from 'csv-stringify/sync';
import type { Table } from '../analysis/views';

/** Decimals that give a column about four significant digits at its largest value. */
function columnDigits(values: unknown[]): number | null {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length === 0 || nums.every(Number.isInteger)) return null;
  const largest = Math.max(...nums.map(Math.abs));
  return largest === 0 ? 2 : Math.min(4, Math.max(0, 3 - Math.floor(Math.log10(largest))));
}

function cellText(v: unknown, digits: number | null, isKey: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    if (isKey || digits === null) return String(Number(v.toPrecision(6)));
    return v.toFixed(digits);
  }
  return String(v);
}

const STAT_COLUMNS =
  /^(mean|sd|ci_|slope|intercept|r$|r2|adj_r2|estimate|se$|p$|mean_|extrapolate_y|band_|fraction|cost|leak_rate)/;

/**
 * Columns printed with one precision, so an estimate and its interval line up (a mean of 93.92
 * with a CI of [89.76, 98.00], not [89.76, 98.0]).
 */
function precisionFamily(column: string): string {
  if (/^(mean|sd|ci_low|ci_high|mean_difference)$/.test(column)) return 'mean';
  if (/^(slope|intercept)/.test(column)) return column.startsWith('slope') ? 'slope' : 'intercept';
  if (/^(extrapolate_y|band_low|band_high)$/.test(column)) return 'extrapolate';
  return column;
}

/** A fixed-width text table: numbers right-aligned, each column with a consistent precision. */
export function formatTable(t: Table): string {
  const families = new Map<string, unknown[]>();
  for (const c of t.columns) {
    const family = precisionFamily(c);
    families.set(family, [...(families.get(family) ?? []), ...t.rows.map((r) => r[c])]);
  }
  const digits = t.columns.map((c) => columnDigits(families.get(precisionFamily(c)) ?? []));
  const cells = t.rows.map((r) =>
    t.columns.map((c, i) => cellText(r[c], digits[i], !STAT_COLUMNS.test(c))),
  );
  const isNumeric = t.columns.map((c) => t.rows.some((r) => typeof r[c] === 'number'));
  const widths = t.columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => (isNumeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return (
    [
      t.title,
      line(t.columns),
      line(widths.map((w) => '-'.repeat(w))),
      ...cells.map(line),
      ...(t.notes ?? []).map((n) => `note: ${n}`),
    ].join('\n') + '\n'
  );
}

export function writeTables(tables: Table[], format: 'text' | 'json' | 'csv'): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(tables.length === 1 ? tables[0] : tables, null, 2)}\n`);
  } else if (format === 'csv') {
    // CSV holds one table; further tables follow after a blank line with their own header.
    process.stdout.write(
      tables
        .map((t) => stringify([t.columns, ...t.rows.map((r) => t.columns.map((c) => r[c] ?? ''))]))
        .join('\n'),
    );
  } else {
    process.stdout.write(tables.map(formatTable).join('\n'));
  }
}
