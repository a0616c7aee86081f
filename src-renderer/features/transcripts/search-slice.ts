// The search across every transcript of the database (games:search): the last query and its
// page of hits. The query itself lives in the route (#/transcripts?search=...).
import type { SearchArgs, SearchPage } from '../../../src-shared/contract';
import { errorMessage } from '../../api/errors';
import type { Loadable, Slice } from '../../state/types';

/** Hits per page of the search results. */
export const SEARCH_PAGE = 50;

export type SearchQuery = Omit<SearchArgs, 'limit'> & { offset: number };

export interface SearchSlice {
  searchQuery: SearchQuery | null;
  searchPage: Loadable<SearchPage>;
  runSearch(query: SearchQuery): Promise<void>;
}

export const searchSlice: Slice<SearchSlice> = (set, get, { api }) => ({
  searchQuery: null,
  searchPage: { state: 'idle' },
  async runSearch(query) {
    set({ searchQuery: query, searchPage: { state: 'loading' } });
    try {
      const value = await api.invoke('games:search', { ...query, limit: SEARCH_PAGE });
      if (get().searchQuery === query) set({ searchPage: { state: 'ready', value } });
    } catch (err) {
      if (get().searchQuery === query)
        set({ searchPage: { state: 'error', error: errorMessage(err) } });
    }
  },
});
