// The data of a spec's figures, gathered in one streamed pass over the games of their sweeps:
// each figure keeps its cells' values (typed arrays), a scaling fit its points, a two-party
// figure its own accumulators, never the games' rows, so a figure of 100,000 games draws in
// bounded memory. Figures of the same sweeps and capability axis share the one pass.
import { ConcessionCollector, MatchupCollector } from '../analysis/bargain-figures';
import { CellGrouper, NumberList, type Cell } from '../analysis/cells';
import {
  ColumnTally,
  PASS_CACHE_KIB,
  checkFilterColumns,
  rowMatches,
  streamDataset,
  type AnalysisRow,
  type DatasetTally,
} from '../analysis/dataset';
import type { RegistryModel } from '../registry/registry';
import type { Store } from '../store/types';
import type { FigureEntry } from './figure-spec';

/** A scaling figure's points: x and y of every row that has both, and its group's index. */
export interface ScalingPoints {
  xs: Float64Array;
  ys: Float64Array;
  /** groups[i]: the index into groupValues of point i's group value. */
  groups: Float64Array;
  groupValues: unknown[];
}

/** What a figure is drawn from. */
export interface FigureData {
  /** The figure's rows: finished games that pass its filters. */
  rows: number;
  /** The columns of those rows. */
  columns: ColumnTally;
  /** Games of its sweeps left out as unfinished. */
  unfinished: number;
  /**
   * What an accumulator threw (a non-numeric metric, a filter column no game has): thrown when
   * the figure is drawn, after the checks of its rows, as when it was drawn from loaded rows.
   */
  error: { thrown: unknown } | null;
  /** A filter naming a column no game of the sweeps has (thrown before any other check). */
  filterError: { thrown: unknown } | null;
  /** The cells of each of the figure's groupings (groupersOf), computed when called. */
  cells: (() => Cell[])[];
  scaling: ScalingPoints | null;
  bargain: ConcessionCollector | MatchupCollector | null;
}

/** A finite number, a boolean as 0/1, else null (a scaling point's coordinate). */
function numeric(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'boolean'
      ? Number(v)
      : null;
}

/** The groupings of a figure: the cells it draws (bootstrap intervals, the figure's seed). */
function groupersOf(f: FigureEntry, seed: number): CellGrouper[] {
  const cells = (by: string[], metric: string, seedBy?: string[]) =>
    new CellGrouper({ by, metric, ci: 'bootstrap', seed, seedBy });
  if (f.type === 'heatmap') return [cells([f.x, f.y], f.metric)];
  if (f.type === 'curves') return [cells(f.series ? [f.series, f.x] : [f.x], f.metric)];
  if (f.type === 'table') return f.metrics.map((m) => cells(f.by, m, f.seedBy));
  if (f.type === 'scaling' && f.points !== 'games')
    return [cells(f.group ? [f.group, f.x] : [f.x], f.metric)];
  return [];
}

/** One figure's share of the pass: its filters, then its accumulators. */
class FigureCollector {
  rows = 0;
  readonly columns = new ColumnTally();
  private readonly groupers: CellGrouper[];
  private readonly scaling: {
    xs: NumberList;
    ys: NumberList;
    groups: NumberList;
    index: Map<unknown, number>;
  } | null;
  private readonly bargain: ConcessionCollector | MatchupCollector | null;
  /** The first error an accumulator threw; thrown when the figure is drawn, as it was before. */
  private error: { thrown: unknown } | null = null;

  constructor(
    readonly entry: FigureEntry,
    store: Store,
  ) {
    const seed = entry.seed ?? 1;
    this.groupers = groupersOf(entry, seed);
    this.scaling =
      entry.type === 'scaling'
        ? { xs: new NumberList(), ys: new NumberList(), groups: new NumberList(), index: new Map() }
        : null;
    this.bargain =
      entry.type === 'concession'
        ? new ConcessionCollector(store, {
            seed,
            ...(entry.opponent ? { opponent: entry.opponent } : {}),
          })
        : entry.type === 'matchup'
          ? new MatchupCollector(store, { metric: entry.metric, seed })
          : null;
  }

  add(row: AnalysisRow): void {
    if (!rowMatches(row, this.entry.filters)) return;
    this.rows++;
    this.columns.add(row);
    if (this.error) return;
    try {
      for (const g of this.groupers) g.add(row);
      this.bargain?.add(row);
      if (this.scaling && this.entry.type === 'scaling') this.addPoint(row, this.entry);
    } catch (thrown) {
      this.error = { thrown };
    }
  }

  private addPoint(row: AnalysisRow, f: Extract<FigureEntry, { type: 'scaling' }>): void {
    const s = this.scaling!;
    const x = numeric(row[f.x]);
    const y = numeric(row[f.metric]);
    if (x === null || y === null) return;
    s.xs.push(x);
    s.ys.push(y);
    const group = f.group ? row[f.group] : null;
    let i = s.index.get(group);
    if (i === undefined) s.index.set(group, (i = s.index.size));
    s.groups.push(i);
  }

  data(unfinished: number): FigureData {
    const s = this.scaling;
    return {
      rows: this.rows,
      columns: this.columns,
      unfinished,
      error: this.error,
      filterError: null,
      cells: this.groupers.map((g) => () => g.cells()),
      scaling: s
        ? {
            xs: s.xs.view(),
            ys: s.ys.view(),
            groups: s.groups.view(),
            groupValues: [...s.index.keys()],
          }
        : null,
      bargain: this.bargain,
    };
  }
}

/** The sweeps and capability axis of a figure (defaults applied): what its pass reads. */
export interface FigureSource {
  sweepIds: string[];
  axis: string;
}

/**
 * One pass over the sweeps' finished games, feeding every figure given (all of the same
 * source). Throws, as applyFilters did, naming a filter column no game has.
 */
export function collectFigures(
  store: Store,
  registry: readonly RegistryModel[],
  source: FigureSource,
  entries: readonly FigureEntry[],
): FigureData[] {
  const collectors = entries.map((e) => new FigureCollector(e, store));
  const all = new ColumnTally();
  const tally: DatasetTally = { unfinished: 0 };
  const rows = streamDataset(
    store,
    source.sweepIds,
    { capabilityAxis: source.axis, registry: [...registry] },
    tally,
  );
  // One pass that re-reads no page: the store's large page cache would only add memory.
  store.withReadCache(PASS_CACHE_KIB, () => {
    for (const row of rows) {
      all.add(row);
      for (const c of collectors) c.add(row);
    }
  });
  return collectors.map((c) => {
    const data = c.data(tally.unfinished);
    if (all.rows > 0) {
      try {
        checkFilterColumns(c.entry.filters, all.columns);
      } catch (thrown) {
        return { ...data, filterError: { thrown } };
      }
    }
    return data;
  });
}
