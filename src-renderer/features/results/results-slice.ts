// Results: the heatmap and curves of one (sweep, metric, capability axis), and a cell's games.
// While a sweep runs, progress events mark the open grid stale and it reloads at most every 2 s.
import type {
  CurvesResult,
  GameSummary,
  HeatmapResult,
  ResultMetric,
} from '../../../src-shared/contract';
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
  heatmap: Loadable<HeatmapResult>;
  curves: Loadable<CurvesResult>;
  cellGames: Loadable<GameSummary[]>;
  loadResults(query: ResultsQuery): Promise<void>;
  loadCellGames(sweepId: string, cell: ResultsCell | null): Promise<void>;
  /** Called on progress of `sweepId`: refreshes the open grid, throttled. */
  resultsChanged(sweepId: string): void;
}

const RELOAD_MS = 2000;

export const resultsSlice: Slice<ResultsSlice> = (set, get, { api }) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;
  const fetchGrid = async (query: ResultsQuery, quiet: boolean) => {
    const mine = ++seq;
    if (!quiet) set({ heatmap: { state: 'loading' }, curves: { state: 'loading' } });
    const args = {
      sweepId: query.sweepId,
      metric: query.metric,
      ...(query.capabilityMetric ? { capabilityMetric: query.capabilityMetric } : {}),
    };
    try {
      const [heatmap, curves] = await Promise.all([
        api.invoke('results:heatmap', args),
        api.invoke('results:curves', args),
      ]);
      if (mine !== seq) return;
      mark('parley:heatmap-data');
      set({
        heatmap: { state: 'ready', value: heatmap },
        curves: { state: 'ready', value: curves },
      });
    } catch (err) {
      if (mine === seq)
        set({
          heatmap: { state: 'error', error: errorMessage(err) },
          curves: { state: 'error', error: errorMessage(err) },
        });
    }
  };
  return {
    resultsQuery: null,
    heatmap: { state: 'idle' },
    curves: { state: 'idle' },
    cellGames: { state: 'idle' },
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
          limit: 5000,
        });
        set({ cellGames: { state: 'ready', value: page.rows } });
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
