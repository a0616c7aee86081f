// Comparison state: the difference grid of (A, B, metric), the pairs of a cell (filtered by tag),
// the two transcripts of the open pair and their tags and notes. Stale answers are dropped.
import type {
  Annotation,
  CompareMetric,
  ComparePair,
  CompareResult,
  CompareSide,
  GridResult,
  Transcript,
} from '../../../src-shared/contract';
import { errorMessage } from '../../api/errors';
import type { Loadable, Slice } from '../../state/types';
import type { CompareCellRef } from './compare-route';

export interface CompareQuery {
  a: CompareSide;
  b: CompareSide;
  metric: CompareMetric;
}

export interface PairsQuery extends CompareQuery {
  cell: CompareCellRef | null;
  tag: string | null;
  /** First pair of the page (pages of PAIRS_PAGE). */
  offset?: number;
}

/** Pairs per page of the pair list. */
export const PAIRS_PAGE = 200;

export interface CompareSlice {
  compareGrid: Loadable<CompareResult>;
  comparePairs: Loadable<{ total: number; offset: number; rows: ComparePair[] }>;
  /** Tags in use (for the pair list's filter). */
  tagList: { tag: string; games: number }[];
  /** Focal participants of a sweep (its heatmap's capability axis), for the side pickers. */
  focalOptions: Record<string, GridResult['x']>;
  pairTranscripts: { a: Loadable<Transcript>; b: Loadable<Transcript> };
  annotations: Record<string, Annotation>;
  loadCompare(query: CompareQuery): Promise<void>;
  loadPairs(query: PairsQuery): Promise<void>;
  loadFocalOptions(sweepId: string): Promise<void>;
  openPair(gameA: string, gameB: string): Promise<void>;
  /** Saves a game's tags or note; returns an error message, or null when saved. */
  saveTags(gameId: string, tags: string[]): Promise<string | null>;
  saveNote(gameId: string, text: string): Promise<string | null>;
}

export const compareSlice: Slice<CompareSlice> = (set, get, { api }) => {
  let gridSeq = 0;
  let pairsSeq = 0;
  let pairSeq = 0;
  const loadTags = async () => {
    try {
      set({ tagList: await api.invoke('annotations:tags', {}) });
    } catch {
      // The filter keeps its old list; the pairs and grid report their own errors.
    }
  };
  const keep = (a: Annotation) => set({ annotations: { ...get().annotations, [a.gameId]: a } });
  return {
    compareGrid: { state: 'idle' },
    comparePairs: { state: 'idle' },
    tagList: [],
    focalOptions: {},
    pairTranscripts: { a: { state: 'idle' }, b: { state: 'idle' } },
    annotations: {},
    async loadCompare(query) {
      const mine = ++gridSeq;
      set({ compareGrid: { state: 'loading' } });
      try {
        const value = await api.invoke('compare:grid', query);
        if (mine === gridSeq) set({ compareGrid: { state: 'ready', value } });
      } catch (err) {
        if (mine === gridSeq) set({ compareGrid: { state: 'error', error: errorMessage(err) } });
      }
    },
    async loadPairs({ cell, tag, offset = 0, ...query }) {
      const mine = ++pairsSeq;
      set({ comparePairs: { state: 'loading' } });
      void loadTags();
      try {
        const value = await api.invoke('compare:pairs', {
          ...query,
          ...(cell ? { focalKey: cell.focalKey, level: cell.level } : {}),
          ...(tag ? { tag } : {}),
          limit: PAIRS_PAGE,
          offset,
        });
        if (mine === pairsSeq)
          set({ comparePairs: { state: 'ready', value: { ...value, offset } } });
      } catch (err) {
        if (mine === pairsSeq) set({ comparePairs: { state: 'error', error: errorMessage(err) } });
      }
    },
    async loadFocalOptions(sweepId) {
      if (get().focalOptions[sweepId]) return;
      try {
        const grid = await api.invoke('results:grid', { sweepId, ci: 't' });
        set({ focalOptions: { ...get().focalOptions, [sweepId]: grid.x } });
      } catch {
        set({ focalOptions: { ...get().focalOptions, [sweepId]: [] } });
      }
    },
    async openPair(gameA, gameB) {
      const mine = ++pairSeq;
      set({ pairTranscripts: { a: { state: 'loading' }, b: { state: 'loading' } } });
      const load = async (gameId: string): Promise<Loadable<Transcript>> => {
        try {
          return { state: 'ready', value: await api.invoke('games:transcript', { gameId }) };
        } catch (err) {
          return { state: 'error', error: errorMessage(err) };
        }
      };
      const [a, b, notes] = await Promise.all([
        load(gameA),
        load(gameB),
        api.invoke('annotations:get', { gameIds: [gameA, gameB] }).catch(() => []),
      ]);
      if (mine !== pairSeq) return;
      set({ pairTranscripts: { a, b } });
      notes.forEach(keep);
    },
    async saveTags(gameId, tags) {
      try {
        keep(await api.invoke('annotations:setTags', { gameId, tags }));
        void loadTags();
        return null;
      } catch (err) {
        return errorMessage(err);
      }
    },
    async saveNote(gameId, text) {
      try {
        keep(await api.invoke('annotations:setNote', { gameId, text }));
        return null;
      } catch (err) {
        return errorMessage(err);
      }
    },
  };
};
