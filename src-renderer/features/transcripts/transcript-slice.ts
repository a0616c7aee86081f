// The transcript reader: the open game, its filters, the page of games that [ and ] walk through
// (paged from the host, filtered by status and outcome), and live turns appended from
// 'games:turn' events while the game runs. The search across transcripts is search-slice.ts.
import type {
  GameStatusEvent,
  GameSummary,
  GameTurnEvent,
  Transcript,
} from '../../../src-shared/contract';
import type { GameStatus } from '../../../src-shared/planned-game';
import { errorMessage } from '../../api/errors';
import { mark } from '../../lib/perf';
import type { TranscriptFilters } from './timeline';
import { NO_FILTERS } from './timeline';
import type { Loadable, Slice } from '../../state/types';
import type { SearchSlice } from './search-slice';
import { searchSlice } from './search-slice';

/** Games per page of the picker (and per step of [ and ] past a page's end). */
export const GAME_PAGE = 100;

/** The picker's filters: a status, and for finished games whether they reached a deal. */
export interface GameListFilters {
  status: GameStatus | null;
  deal: boolean | null;
}

export const NO_GAME_FILTERS: GameListFilters = { status: null, deal: null };

export interface TranscriptSlice extends SearchSlice {
  transcript: Loadable<Transcript>;
  transcriptId: string | null;
  filters: TranscriptFilters;
  /** One page of the games the reader steps through: a results cell's games or a sweep's. */
  gameList: Loadable<GameSummary[]>;
  gameListSweep: string | null;
  /** How many games match over every page, the page's first index, and its filters. */
  gameListTotal: number;
  gameListOffset: number;
  gameListFilters: GameListFilters;
  /** True when the list is a results cell's games (one page, no host filters). */
  gameListIsCell: boolean;
  loadTranscript(gameId: string): Promise<void>;
  loadGameList(sweepId: string, offset?: number, filters?: GameListFilters): Promise<void>;
  /** Uses an already loaded list (e.g. the clicked cell's games) for [ and ]. */
  setGameList(sweepId: string, games: GameSummary[]): void;
  /** The game before (-1) or after (1) `gameId` in the list, loading the next page if needed. */
  neighbourGame(gameId: string, direction: 1 | -1): Promise<GameSummary | null>;
  setFilters(patch: Partial<TranscriptFilters>): void;
  applyTurn(e: GameTurnEvent): void;
  /** The open game changed status: shown at once; once it ends, its outcome is fetched. */
  applyGameStatus(e: GameStatusEvent): void;
}

export const transcriptSlice: Slice<TranscriptSlice> = (set, get, deps) => ({
  ...searchSlice(set, get, deps),
  transcript: { state: 'idle' },
  transcriptId: null,
  filters: NO_FILTERS,
  gameList: { state: 'idle' },
  gameListSweep: null,
  gameListTotal: 0,
  gameListOffset: 0,
  gameListFilters: NO_GAME_FILTERS,
  gameListIsCell: false,
  async loadTranscript(gameId) {
    mark('parley:transcript-request');
    set({ transcriptId: gameId, transcript: { state: 'loading' } });
    try {
      const value = await deps.api.invoke('games:transcript', { gameId });
      if (get().transcriptId !== gameId) return;
      mark('parley:transcript-data');
      set({ transcript: { state: 'ready', value } });
    } catch (err) {
      if (get().transcriptId === gameId)
        set({ transcript: { state: 'error', error: errorMessage(err) } });
    }
  },
  async loadGameList(sweepId, offset = 0, filters = get().gameListFilters) {
    set({
      gameListSweep: sweepId,
      gameListOffset: offset,
      gameListFilters: filters,
      gameListIsCell: false,
      gameList: { state: 'loading' },
    });
    const isCurrent = () =>
      get().gameListSweep === sweepId &&
      get().gameListOffset === offset &&
      get().gameListFilters === filters;
    try {
      const page = await deps.api.invoke('games:list', {
        sweepId,
        limit: GAME_PAGE,
        offset,
        ...(filters.status ? { status: [filters.status] } : {}),
        ...(filters.deal !== null ? { deal: filters.deal } : {}),
      });
      if (isCurrent())
        set({ gameList: { state: 'ready', value: page.rows }, gameListTotal: page.total });
    } catch (err) {
      if (isCurrent()) set({ gameList: { state: 'error', error: errorMessage(err) } });
    }
  },
  setGameList(sweepId, games) {
    set({
      gameListSweep: sweepId,
      gameList: { state: 'ready', value: games },
      gameListTotal: games.length,
      gameListOffset: 0,
      gameListFilters: NO_GAME_FILTERS,
      gameListIsCell: true,
    });
  },
  async neighbourGame(gameId, direction) {
    const s = get();
    if (s.gameList.state !== 'ready' || !s.gameListSweep) return null;
    const rows = s.gameList.value;
    const i = rows.findIndex((g) => g.id === gameId);
    if (i < 0) return null;
    if (rows[i + direction]) return rows[i + direction];
    const offset = s.gameListOffset + (direction > 0 ? rows.length : -GAME_PAGE);
    if (s.gameListIsCell || offset < 0 || offset >= s.gameListTotal) return null;
    await get().loadGameList(s.gameListSweep, offset, s.gameListFilters);
    const next = get().gameList;
    if (next.state !== 'ready') return null;
    return (direction > 0 ? next.value[0] : next.value.at(-1)) ?? null;
  },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
  },
  applyTurn(e) {
    const current = get().transcript;
    if (current.state !== 'ready' || current.value.game.id !== e.gameId) return;
    const turns = current.value.turns;
    const seq = (turns.at(-1)?.seq ?? -1) + 1;
    set({
      transcript: {
        state: 'ready',
        value: { ...current.value, turns: [...turns, { ...e.turn, seq }] },
      },
    });
  },
  applyGameStatus(e) {
    const current = get().transcript;
    if (current.state !== 'ready' || current.value.game.id !== e.gameId) return;
    const value = current.value;
    set({
      transcript: {
        state: 'ready',
        value: { ...value, game: { ...value.game, status: e.status } },
      },
    });
    if (e.status === 'running') return;
    // Refetch without a loading state, so the reader keeps its place.
    void deps.api.invoke('games:transcript', { gameId: e.gameId }).then(
      (fresh) => {
        const now = get().transcript;
        if (get().transcriptId === e.gameId && now.state === 'ready')
          set({ transcript: { state: 'ready', value: fresh } });
      },
      () => {},
    );
  },
});
