// Search across every transcript of the database: the games:search channel over the store's
// FTS5 index (migration 0006).
import type { Store } from '../store/types';
import { ftsQuery } from '../store/search';
import type { HandlerTable } from './handler-table';
import { HostError } from './handler-table';

export function registerSearchHandlers(table: HandlerTable, store: Store): void {
  table.register('games:search', (args) => {
    const { text, sweepId, participantId, phases, visibility, limit, offset } = args;
    if (sweepId && !store.getSweep(sweepId))
      throw new HostError(`no sweep with id "${sweepId}"`, [
        { path: 'sweepId', message: 'unknown sweep' },
      ]);
    if (ftsQuery(text) === null)
      throw new HostError(`"${text}" has no word to search for (letters or digits)`, [
        { path: 'text', message: 'type a word to search for' },
      ]);
    const page = store.searchTurns({
      text,
      sweepId,
      participantId,
      phases,
      visibility,
      limit,
      offset,
    });
    return {
      ...page,
      words: searchWords(text),
      participants: store.searchParticipants({ sweepId }),
    };
  });
}

/** The words of a search as the index splits them, without a prefix's `*`. */
export function searchWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}_]+/gu) ?? []).map((w) => w.toLowerCase());
}
