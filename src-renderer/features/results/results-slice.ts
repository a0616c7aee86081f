// Results: the grid of one (sweep, metric, capability axis), one request from which the screen
// draws both the heatmap and the curves, and a cell's games. While a sweep runs, progress events
// mark the open grid stale and it reloads at most every 2 s.
import type { GameSummary, GridResult, ResultMetric } from '../../../src-shared/contract';
import { errorMessage } from '../../api/errors';
import { mark } from '../../lib/perf';
import type { ResultsCell } from '../../lib/route';
import type { Loadable, Slice } from '../../state/types';

export interface ResultsQuery {
  sweepId: string;
  metric: ResultMetric;
  capabilityMetric: string | null;
}

export interface ResultsSlice {
  resultsQuery: ResultsQuery | null;
  grid: Loadable<GridResult>;
  cellGames: Loadable<GameSummary[]>;
  /** The cell's games on the host (cellGames holds at most CELL_GAMES_MAX of them). */
  cellGamesTotal: number;
  loadResults(query: ResultsQuery): Promise<void>;
  loadCellGames(sweepId: string, cell: ResultsCell | null): Promise<void>;
  /** Called on progress of `sweepId`: refreshes the open grid, throttled. */
  resultsChanged(sweepId: string): void;
}

const RELOAD_MS = 2000;
/** A cell's games listed in its panel; beyond, the panel says how many more the Runs list has. */
export const CELL_GAMES_MAX = 5000;

export const resultsSlice: Slice<ResultsSlice> = (set, get, { api }) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;
  const fetchGrid = async (query: ResultsQuery, quiet: boolean) => {
    const mine = ++seq;
    if (!quiet) set({ grid: { state: 'loading' } });
    const args = {
      sweepId: query.sweepId,
      metric: query.metric,
      ...(query.capabilityMetric ? { capabilityMetric: query.capabilityMetric } : {}),
    };
    try {
      const grid = await api.invoke('results:grid', args);
      if (mine !== seq) return;
      mark('parley:heatmap-data');
      set({ grid: { state: 'ready', value: grid } });
    } catch (err) {
      if (mine === seq) set({ grid: { state: 'error', error: errorMessage(err) } });
    }
  };
  return {
    resultsQuery: null,
    grid: { state: 'idle' },
    cellGames: { state: 'idle' },
    cellGamesTotal: 0,
    async loadResults(query) {
      set({ resultsQuery: query });
      await fetchGrid(query, false);
    },
    async loadCellGames(sweepId, cell) {
      if (!cell) return set({ cellGames: { state: 'idle' } });
      set({ cellGames: { state: 'loading' } });
      try {
        const page = await api.invoke('games:list', {
          sweepId,
          focalId: cell.focalId,
          competitionLevel: cell.level,
          limit: CELL_GAMES_MAX,
        });
        set({ cellGames: { state: 'ready', value: page.rows }, cellGamesTotal: page.total });
      } catch (err) {
        set({ cellGames: { state: 'error', error: errorMessage(err) } });
      }
    },
    resultsChanged(sweepId) {
      const query = get().resultsQuery;
      if (!query || query.sweepId !== sweepId || timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        const current = get().resultsQuery;
        if (current && current.sweepId === sweepId) void fetchGrid(current, true);
      }, RELOAD_MS);
    },
  };
};
