// The one cell computation (DESIGN 9): per group of sweep dimensions, n, mean, SD and a 95%
// interval of one metric. The results screen, `parley analyze`, figures and exports all call it,
// so the same games give the same cells everywhere. The interval method and seed are explicit.
import { hashSeed } from '../../games/rng';
import type { CiMethod } from '../../src-shared/metrics';
import { tQuantile } from './distributions';
import { bootstrapCI, mean, sampleSd, type Summary } from './stats';

export type Row = Record<string, unknown>;

export { CI_METHODS, type CiMethod } from '../../src-shared/metrics';

export interface CellOptions {
  metric: string;
  /** Dimension columns; one cell per distinct tuple of their values. */
  by: readonly string[];
  ci: CiMethod;
  /** Base seed of the bootstrap; each cell's own seed is derived from it and the cell's key. */
  seed: number;
  /**
   * The columns of `by` whose values seed a cell's bootstrap (default: all of `by`). Columns that
   * only label a cell (e.g. focal_capability beside focal_id) can be left out, so the cell has the
   * same interval as when grouped without them.
   */
  seedBy?: readonly string[];
}

export interface Cell extends Summary {
  /** The cell's values of the `by` fields (null where a row had none, e.g. an unknown capability). */
  key: Record<string, unknown>;
  /** Rows of the cell whose metric was missing (null, undefined, NaN) and left out. */
  missing: number;
}

/** A finite number, or null for a missing value; throws for anything else. */
export function metricValue(row: Row, metric: string): number | null {
  const v = row[metric];
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new TypeError(`metric "${metric}" has a non-numeric value ${JSON.stringify(v)}`);
}

/** Numbers ascending, then strings, then null/undefined (an unknown value sorts last). */
export function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown) => (typeof v === 'number' ? 0 : v === null || v === undefined ? 2 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

interface Group {
  key: Record<string, unknown>;
  /** JSON of the seedBy values: the cell's identity for its seed. */
  text: string;
  values: NumberList;
  missing: number;
}

/** Values bootstrapped between two yields to the event loop (about 30 ms of work). */
const YIELD_EVERY_VALUES = 2_000;

/** A growable list of doubles: 8 bytes a value, not a boxed number in an array (issue 15). */
export class NumberList {
  private data = new Float64Array(16);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }

  /** The values pushed, in order (a view: no copy). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Rows grouped into cells one at a time, so a caller streaming rows from the store holds only
 * each cell's values (a typed array), never the rows: memory grows with the cells, not the games.
 */
export class CellGrouper {
  private readonly groups = new Map<string, Group>();
  private readonly seedBy: readonly string[];

  constructor(readonly options: CellOptions) {
    const { by } = options;
    this.seedBy = options.seedBy ?? by;
    const stray = this.seedBy.find((f) => !by.includes(f));
    if (stray !== undefined)
      throw new Error(`seedBy column "${stray}" is not one of by (${by.join(', ')})`);
  }

  add(row: Row): void {
    const { by, metric } = this.options;
    const tuple = by.map((f) => row[f] ?? null);
    const groupText = JSON.stringify(tuple);
    let g = this.groups.get(groupText);
    if (!g) {
      const text =
        this.seedBy === by ? groupText : JSON.stringify(this.seedBy.map((f) => row[f] ?? null));
      g = {
        key: Object.fromEntries(by.map((f, i) => [f, tuple[i]])),
        text,
        values: new NumberList(),
        missing: 0,
      };
      this.groups.set(groupText, g);
    }
    const v = metricValue(row, metric);
    if (v === null) g.missing++;
    else g.values.push(v);
  }

  /** The cells of every row added, sorted by their `by` values (unknown values last). */
  cells(): Cell[] {
    return this.sorted().map((g) => cellOf(g, this.options));
  }

  /**
   * `cells` for a host that serves other requests on the same thread: it yields to the event
   * loop between cells, so a 100,000-game grid is bootstrapped without freezing the host.
   */
  async cellsAsync(): Promise<Cell[]> {
    const out: Cell[] = [];
    let sinceYield = 0;
    for (const g of this.sorted()) {
      out.push(cellOf(g, this.options));
      sinceYield += g.values.length;
      if (this.options.ci === 'bootstrap' && sinceYield >= YIELD_EVERY_VALUES) {
        sinceYield = 0;
        await new Promise<void>((resume) => setImmediate(resume));
      }
    }
    return out;
  }

  private sorted(): Group[] {
    const { by } = this.options;
    return [...this.groups.values()].sort((a, b) => {
      for (const f of by) {
        const c = compareValues(a.key[f], b.key[f]);
        if (c !== 0) return c;
      }
      return 0;
    });
  }
}

function grouped(rows: Iterable<Row>, options: CellOptions): CellGrouper {
  const grouper = new CellGrouper(options);
  for (const row of rows) grouper.add(row);
  return grouper;
}

/**
 * The seed of one cell's bootstrap: from the base seed, the metric and the cell's key only, so a
 * cell's interval does not depend on which other cells exist or in what order they are computed.
 */
export function cellSeed(seed: number, metric: string, keyText: string): number {
  return hashSeed(seed, 'aggregate', metric, keyText);
}

/** The t interval mean +- t_{0.975, n-1} sd / sqrt(n); [mean, mean] for n = 1. */
export function tInterval(
  n: number,
  m: number | null,
  sd: number | null,
): [number | null, number | null] {
  if (m === null) return [null, null];
  if (sd === null || n < 2) return [m, m];
  const half = tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  return [m - half, m + half];
}

/** n, mean, SD and interval of one cell's values. */
export function summarizeValues(
  values: readonly number[] | Float64Array,
  ci: CiMethod,
  seed: number,
): Summary {
  if (values.length === 0) return { n: 0, mean: null, sd: null, ciLow: null, ciHigh: null };
  const m = mean(values);
  const sd = sampleSd(values);
  const [ciLow, ciHigh] =
    ci === 'bootstrap' ? bootstrapCI(values, { seed }) : tInterval(values.length, m, sd);
  return { n: values.length, mean: m, sd, ciLow, ciHigh };
}

function cellOf(g: Group, options: CellOptions): Cell {
  return {
    key: g.key,
    ...summarizeValues(g.values.view(), options.ci, cellSeed(options.seed, options.metric, g.text)),
    missing: g.missing,
  };
}

/** One cell per group of `by` values, sorted by those values (unknown values last). */
export function computeCells(rows: Iterable<Row>, options: CellOptions): Cell[] {
  return grouped(rows, options).cells();
}

/** Sums of one metric over a cell, as SQL computes them (store.cellAggregates). */
export interface CellSums {
  key: Record<string, unknown>;
  /** Rows in the cell, with or without a value. */
  rows: number;
  n: number;
  sum: number;
  sumSquares: number;
}

/**
 * Cells from sums alone (t intervals only: a bootstrap needs every value). Sums with the same key
 * are pooled first, e.g. two participants that share a capability value.
 */
export function cellsFromSums(sums: readonly CellSums[], by: readonly string[]): Cell[] {
  const pooled = new Map<string, CellSums>();
  for (const s of sums) {
    const text = JSON.stringify(by.map((f) => s.key[f] ?? null));
    const p = pooled.get(text);
    if (!p) pooled.set(text, { ...s });
    else {
      p.rows += s.rows;
      p.n += s.n;
      p.sum += s.sum;
      p.sumSquares += s.sumSquares;
    }
  }
  const cells = [...pooled.values()].map((s): Cell => {
    const m = s.n > 0 ? s.sum / s.n : null;
    const sd =
      s.n > 1 && m !== null
        ? Math.sqrt(Math.max(0, (s.sumSquares - s.n * m * m) / (s.n - 1)))
        : null;
    const [ciLow, ciHigh] = tInterval(s.n, m, sd);
    return { key: s.key, n: s.n, mean: m, sd, ciLow, ciHigh, missing: s.rows - s.n };
  });
  return cells.sort((a, b) => {
    for (const f of by) {
      const c = compareValues(a.key[f], b.key[f]);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** Cells of two dimensions arranged as a matrix: rows by `rowField`, columns by `colField`, both sorted. */
export interface CellMatrix {
  rowValues: unknown[];
  colValues: unknown[];
  /** cells[i][j]: the cell of rowValues[i] and colValues[j], null where no game fell. */
  cells: (Cell | null)[][];
}

export function cellMatrix(cells: readonly Cell[], rowField: string, colField: string): CellMatrix {
  const rowValues = [...new Set(cells.map((c) => c.key[rowField]))].sort(compareValues);
  const colValues = [...new Set(cells.map((c) => c.key[colField]))].sort(compareValues);
  const at = new Map(cells.map((c) => [JSON.stringify([c.key[rowField], c.key[colField]]), c]));
  return {
    rowValues,
    colValues,
    cells: rowValues.map((r) => colValues.map((c) => at.get(JSON.stringify([r, c])) ?? null)),
  };
}
