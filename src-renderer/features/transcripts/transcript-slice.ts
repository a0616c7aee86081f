// The transcript reader: the open game, its filters, the game list that [ and ] walk through,
// and live turns appended from 'games:turn' events while the game runs.
import type { GameSummary, GameTurnEvent, Transcript } from '../../../src-shared/contract';
import { errorMessage } from '../../api/errors';
import { mark } from '../../lib/perf';
import type { TranscriptFilters } from './timeline';
import { NO_FILTERS } from './timeline';
import type { Loadable, Slice } from '../../state/types';

export interface TranscriptSlice {
  transcript: Loadable<Transcript>;
  transcriptId: string | null;
  filters: TranscriptFilters;
  /** Games the reader steps through with [ and ]: a results cell's games or a sweep's. */
  gameList: Loadable<GameSummary[]>;
  gameListSweep: string | null;
  loadTranscript(gameId: string): Promise<void>;
  loadGameList(sweepId: string): Promise<void>;
  /** Uses an already loaded list (e.g. the clicked cell's games) for [ and ]. */
  setGameList(sweepId: string, games: GameSummary[]): void;
  setFilters(patch: Partial<TranscriptFilters>): void;
  applyTurn(e: GameTurnEvent): void;
}

export const transcriptSlice: Slice<TranscriptSlice> = (set, get, { api }) => ({
  transcript: { state: 'idle' },
  transcriptId: null,
  filters: NO_FILTERS,
  gameList: { state: 'idle' },
  gameListSweep: null,
  async loadTranscript(gameId) {
    mark('parley:transcript-request');
    set({ transcriptId: gameId, transcript: { state: 'loading' } });
    try {
      const value = await api.invoke('games:transcript', { gameId });
      if (get().transcriptId !== gameId) return;
      mark('parley:transcript-data');
      set({ transcript: { state: 'ready', value } });
    } catch (err) {
      if (get().transcriptId === gameId)
        set({ transcript: { state: 'error', error: errorMessage(err) } });
    }
  },
  async loadGameList(sweepId) {
    set({ gameListSweep: sweepId, gameList: { state: 'loading' } });
    try {
      const page = await api.invoke('games:list', { sweepId, limit: 5000 });
      if (get().gameListSweep === sweepId) set({ gameList: { state: 'ready', value: page.rows } });
    } catch (err) {
      set({ gameList: { state: 'error', error: errorMessage(err) } });
    }
  },
  setGameList(sweepId, games) {
    set({ gameListSweep: sweepId, gameList: { state: 'ready', value: games } });
  },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
  },
  applyTurn(e) {
    const current = get().transcript;
    if (current.state !== 'ready' || current.value.game.id !== e.gameId) return;
    const turns = current.value.turns;
    const seq = (turns.at(-1)?.seq ?? 0) + 1;
    set({
      transcript: {
        state: 'ready',
        value: { ...current.value, turns: [...turns, { ...e.turn, seq }] },
      },
    });
  },
});
