// The cells of `parley analyze`'s cell views grouped as a sweep's games stream by: no row is
// kept, only each cell's values and the columns the rows had (for the views' column checks).
import type { Store } from '../store/types';
import { CellGrouper, type CellOptions } from './cells';
import {
  ColumnTally,
  PASS_CACHE_KIB,
  rowMatches,
  streamDataset,
  type AnalysisRow,
  type DatasetOptions,
  type FilterValue,
} from './dataset';
import { streamStoredRows } from './stored-rows';

/** The cells of one view grouped as the rows stream by, with what the checks need of them. */
export interface StreamedCells {
  grouper: CellGrouper;
  /** The columns of every row (all finished games, before the filters). */
  columns: ColumnTally;
  /** Rows that passed the filters. */
  kept: number;
  unfinished: number;
  /** What grouping a row threw (a non-numeric metric): thrown after the column checks. */
  error: { thrown: unknown } | null;
}

/** Groups the rows that pass the filters; keeps none of them. */
export function groupStream(
  rows: Iterable<AnalysisRow>,
  filters: Record<string, FilterValue>,
  options: CellOptions,
): Omit<StreamedCells, 'unfinished'> {
  const columns = new ColumnTally();
  const grouper = new CellGrouper(options);
  let kept = 0;
  let error: StreamedCells['error'] = null;
  for (const row of rows) {
    columns.add(row);
    if (!rowMatches(row, filters)) continue;
    kept++;
    if (error) continue;
    try {
      grouper.add(row);
    } catch (thrown) {
      error = { thrown };
    }
  }
  return { grouper, columns, kept, error };
}

/**
 * The cells of a stored metric by stored dimensions from the games' plain columns
 * (stored-rows.ts: no game's metrics computed), else from the full rows, one at a time.
 */
export function streamCells(
  store: Store,
  sweepId: string,
  source: { stored: boolean; filters: Record<string, FilterValue>; dataset: DatasetOptions },
  options: CellOptions,
): StreamedCells {
  return store.withReadCache(PASS_CACHE_KIB, () => {
    if (!source.stored) {
      const tally = { unfinished: 0 };
      const rows = streamDataset(store, [sweepId], source.dataset, tally);
      const grouped = groupStream(rows, source.filters, options);
      return { ...grouped, unfinished: tally.unfinished };
    }
    let games = 0;
    const counted = function* () {
      for (const g of store.iterateCellGames({ sweepId })) {
        games++;
        yield g;
      }
    };
    const grouped = groupStream(streamStoredRows(counted()), source.filters, options);
    return { ...grouped, unfinished: games - grouped.columns.rows };
  });
}
