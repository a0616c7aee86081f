import { describe, expect, it } from 'vitest';
import type { ClientAPI, GameSummary, GamesPage } from '../../../src-shared/contract';
import { NO_FILTERS } from '../../lib/game-list-query';
import type { GameListQuery } from '../../lib/game-list-query';
import { createAppStore } from '../../state/app-store';

const game = (i: number): GameSummary => ({
  id: `g${i}`,
  kind: 'item-allocation',
  status: 'finished',
  seed: i,
  runIndex: 0,
  order: 'weak_first',
  competitionLevel: 0.5,
  focalId: 'br-0.1',
  focalCapability: 0.1,
  participants: [],
  deal: true,
  agreementRound: 2,
  utilities: [50, 50],
  focalUtility: 50,
  error: null,
  updatedAt: '2026-01-01',
});

/** A host with 120 games g0..g119 that answers pages of games:list and records the requests. */
function host() {
  const calls: unknown[] = [];
  const api: ClientAPI = {
    invoke(channel, args) {
      if (channel !== 'games:list') return Promise.reject(new Error(`unexpected ${channel}`));
      calls.push(args);
      const { offset = 0, limit = 200 } = args as { offset?: number; limit?: number };
      const rows = Array.from({ length: 120 }, (_, i) => game(i)).slice(offset, offset + limit);
      return Promise.resolve({ total: 120, rows } satisfies GamesPage) as never;
    },
    on: () => () => undefined,
  };
  return { api, calls };
}

describe('the reader walks on from the picker page', () => {
  it('asks for the next page with the picker filters and sort', async () => {
    const { api, calls } = host();
    const store = createAppStore({ api, writeHash: () => undefined });
    const query: GameListQuery = {
      filters: { ...NO_FILTERS, outcome: 'deal', order: 'weak_first' },
      sort: { key: 'utility', dir: 'desc' },
      offset: 50,
    };
    const page = { total: 120, rows: Array.from({ length: 50 }, (_, i) => game(50 + i)) };
    store.getState().setGameListPage('s1', query, page);
    expect((await store.getState().neighbourGame('g99', 1))?.id).toBe('g100');
    expect(calls).toEqual([
      {
        sweepId: 's1',
        deal: true,
        order: 'weak_first',
        sort: { key: 'utility', dir: 'desc' },
        limit: 50,
        offset: 100,
      },
    ]);
    expect(store.getState().gameListQuery).toEqual({ ...query, offset: 100 });
    expect((await store.getState().neighbourGame('g100', -1))?.id).toBe('g99');
    expect(calls.at(-1)).toMatchObject({ offset: 50, deal: true });
    // Before the first game there is none, and the host is not asked.
    const first = { total: 120, rows: Array.from({ length: 50 }, (_, i) => game(i)) };
    store.getState().setGameListPage('s1', { ...query, offset: 0 }, first);
    const asked = calls.length;
    expect(await store.getState().neighbourGame('g0', -1)).toBeNull();
    expect(calls.length).toBe(asked);
  });

  it('stops at the ends of a results cell list without asking the host', async () => {
    const { api, calls } = host();
    const store = createAppStore({ api, writeHash: () => undefined });
    store.getState().setGameList('s1', [game(3), game(7)]);
    expect((await store.getState().neighbourGame('g3', 1))?.id).toBe('g7');
    expect(await store.getState().neighbourGame('g7', 1)).toBeNull();
    expect(calls).toEqual([]);
  });
});
