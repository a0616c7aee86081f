// `parley fit`: a scaling-law line (y on x) fitted to any CSV, per group or pooled, reported as a
// fixed-width table or JSON. Input errors name the column or the line so a user can fix the file.
import { parse } from 'csv-parse/sync';
import { compareValues } from './cells';
import { fitLinear, type LinearFit } from './regression';

export interface FitCommandOptions {
  csvText: string;
  x: string;
  y: string;
  /** Fit one line per value of this column. */
  group?: string;
  /** Positive analytic weights (e.g. games per cell). */
  weights?: string;
  extrapolateTo?: number;
  level?: number;
}

export interface FitGroupResult {
  /** The group's value, or null for the pooled fit. */
  group: string | null;
  n: number;
  fit: LinearFit | null;
  /** Why there is no fit (too few points, constant x). */
  error?: string;
}

export interface FitCommandResult {
  x: string;
  y: string;
  groupBy: string | null;
  groups: FitGroupResult[];
  /** File line numbers of data rows skipped for an empty x, y or weight. */
  skippedLines: number[];
}

type Record = { record: { [column: string]: string }; info: { lines: number } };

function parseNumber(text: string, column: string, line: number): number {
  const v = Number(text);
  if (!Number.isFinite(v))
    throw new Error(`line ${line}: column "${column}" value "${text}" is not a number`);
  return v;
}

/** Parse the CSV (header row first) and fit y on x per group; throws on unknown columns or non-numeric cells. */
export function runFit(options: FitCommandOptions): FitCommandResult {
  const { x, y, group, weights, extrapolateTo, level } = options;
  let header: string[] = [];
  const records = parse(options.csvText, {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    info: true,
    columns: (h: string[]) => (header = h),
  }) as unknown as Record[];
  for (const column of [x, y, group, weights]) {
    if (column !== undefined && !header.includes(column)) {
      throw new Error(`column "${column}" not found; available columns: ${header.join(', ')}`);
    }
  }
  const skippedLines: number[] = [];
  const byGroup = new Map<string | null, { xs: number[]; ys: number[]; ws: number[] }>();
  for (const { record, info } of records) {
    const line = info.lines;
    const needed = [record[x], record[y], ...(weights ? [record[weights]] : [])];
    if (needed.some((v) => v === undefined || v === '')) {
      skippedLines.push(line);
      continue;
    }
    const key = group ? record[group] : null;
    const bucket = byGroup.get(key) ?? { xs: [], ys: [], ws: [] };
    bucket.xs.push(parseNumber(record[x], x, line));
    bucket.ys.push(parseNumber(record[y], y, line));
    if (weights) {
      const w = parseNumber(record[weights], weights, line);
      if (!(w > 0))
        throw new Error(`line ${line}: column "${weights}" weight ${w} must be positive`);
      bucket.ws.push(w);
    }
    byGroup.set(key, bucket);
  }
  const keys = [...byGroup.keys()].sort((a, b) =>
    compareValues(numericOrText(a), numericOrText(b)),
  );
  const groups = keys.map((key) => {
    const { xs, ys, ws } = byGroup.get(key)!;
    try {
      const fit = fitLinear(xs, ys, { weights: weights ? ws : undefined, extrapolateTo, level });
      return { group: key, n: xs.length, fit };
    } catch (e) {
      return { group: key, n: xs.length, fit: null, error: (e as Error).message };
    }
  });
  return { x, y, groupBy: group ?? null, groups, skippedLines };
}

/** Group labels sort numerically when they are numbers ("0.25" before "1"). */
function numericOrText(v: string | null): unknown {
  if (v === null) return null;
  const n = Number(v);
  return v !== '' && Number.isFinite(n) ? n : v;
}

/** Four significant digits; exponent form outside [1e-3, 1e5). */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(3) : v.toPrecision(4);
}

const interval = (v: number, [lo, hi]: [number, number]) =>
  `${formatNumber(v)} [${formatNumber(lo)}, ${formatNumber(hi)}]`;

/** A fixed-width table: group, n, slope [lo, hi], intercept [lo, hi], r, R^2 (and the extrapolation). */
export function formatFitTable(result: FitCommandResult): string {
  const hasExtrapolation = result.groups.some((g) => g.fit?.extrapolation);
  const levelPct = Math.round((result.groups.find((g) => g.fit)?.fit?.level ?? 0.95) * 100);
  const head = ['group', 'n', `slope [${levelPct}% CI]`, `intercept [${levelPct}% CI]`, 'r', 'R^2'];
  const xAt = result.groups.find((g) => g.fit?.extrapolation)?.fit?.extrapolation?.x;
  if (hasExtrapolation) head.push(`y at x=${formatNumber(xAt ?? 0)} [prediction]`);
  const rows = result.groups.map((g) => {
    const label = g.group === null ? '(all)' : g.group === '' ? '(blank)' : g.group;
    const f = g.fit;
    if (!f) return [label, String(g.n), `no fit: ${g.error ?? ''}`, '', '', ''];
    const cells = [
      label,
      String(f.n),
      interval(f.slope, f.slopeCI),
      interval(f.intercept, f.interceptCI),
      f.r.toFixed(3),
      f.r2.toFixed(3),
    ];
    if (hasExtrapolation)
      cells.push(
        f.extrapolation ? interval(f.extrapolation.yhat, f.extrapolation.predictionBand) : '',
      );
    return cells;
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || (i >= 4 && i <= 5) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [
    `${result.y} ~ ${result.x}${result.groupBy ? ` by ${result.groupBy}` : ''}`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (result.skippedLines.length > 0) {
    out.push(
      `skipped ${result.skippedLines.length} row(s) with an empty value (lines ${result.skippedLines.join(', ')})`,
    );
  }
  return out.join('\n') + '\n';
}
