// The transcript reader: the open game, its filters, the page of games that [ and ] walk through
// (the picker's page: filtered, sorted and paged on the host), and live turns appended from
// 'games:turn' events while the game runs. The search across transcripts is search-slice.ts.
import type {
  GameStatusEvent,
  GamesPage,
  GameSummary,
  GameTurnEvent,
  Transcript,
} from '../../../src-shared/contract';
import { errorMessage } from '../../api/errors';
import type { GameListQuery } from '../../lib/game-list-query';
import { FIRST_PAGE, listArgs, PAGE_SIZE } from '../../lib/game-list-query';
import { mark } from '../../lib/perf';
import type { TranscriptFilters } from './timeline';
import { NO_FILTERS } from './timeline';
import type { Loadable, Slice } from '../../state/types';
import type { SearchSlice } from './search-slice';
import { searchSlice } from './search-slice';

export interface TranscriptSlice extends SearchSlice {
  transcript: Loadable<Transcript>;
  transcriptId: string | null;
  filters: TranscriptFilters;
  /** One page of the games the reader steps through: a results cell's games or a sweep's. */
  gameList: Loadable<GameSummary[]>;
  gameListSweep: string | null;
  /** How many games match over every page, and the page's filters, sort and first index. */
  gameListTotal: number;
  gameListQuery: GameListQuery;
  /** True when the list is a results cell's games (one page, no host filters). */
  gameListIsCell: boolean;
  loadTranscript(gameId: string): Promise<void>;
  /** Loads one page of the sweep's games (default: the first page, unfiltered, planned order). */
  loadGameList(sweepId: string, query?: GameListQuery): Promise<void>;
  /** The picker's form changed: remembered (for the way back), the list loads its own page. */
  setGameListQuery(sweepId: string, query: GameListQuery): void;
  /** A game was opened from a page the list already has: [ and ] walk on from it. */
  setGameListPage(sweepId: string, query: GameListQuery, page: GamesPage): void;
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
  gameListQuery: FIRST_PAGE,
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
  async loadGameList(sweepId, query = FIRST_PAGE) {
    set({
      gameListSweep: sweepId,
      gameListQuery: query,
      gameListIsCell: false,
      gameList: { state: 'loading' },
    });
    const isCurrent = () => get().gameListSweep === sweepId && get().gameListQuery === query;
    try {
      const page = await deps.api.invoke(
        'games:list',
        listArgs(sweepId, query.filters, query.sort, query.offset, false),
      );
      if (isCurrent())
        set({ gameList: { state: 'ready', value: page.rows }, gameListTotal: page.total });
    } catch (err) {
      if (isCurrent()) set({ gameList: { state: 'error', error: errorMessage(err) } });
    }
  },
  setGameListQuery(sweepId, query) {
    set({ gameListSweep: sweepId, gameListQuery: query });
  },
  setGameListPage(sweepId, query, page) {
    set({
      gameListSweep: sweepId,
      gameListQuery: query,
      gameList: { state: 'ready', value: page.rows },
      gameListTotal: page.total,
      gameListIsCell: false,
    });
  },
  setGameList(sweepId, games) {
    set({
      gameListSweep: sweepId,
      gameList: { state: 'ready', value: games },
      gameListTotal: games.length,
      gameListQuery: FIRST_PAGE,
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
    const offset = s.gameListQuery.offset + (direction > 0 ? rows.length : -PAGE_SIZE);
    if (s.gameListIsCell || offset < 0 || offset >= s.gameListTotal) return null;
    await get().loadGameList(s.gameListSweep, { ...s.gameListQuery, offset });
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
