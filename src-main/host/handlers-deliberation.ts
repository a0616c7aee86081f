// Deliberation handlers: a game's deliberation view (parties, schedule, scored deals) and the
// score-leakage judge's leak rates of a sweep, computed by the same function as
// `parley analyze --view leaks` and `parley judge --report`.
import { leakReport } from '../judge/report';
import { deliberationView } from './deliberation-view';
import type { Store } from '../store/types';
import type { HandlerTable } from './handler-table';
import { HostError } from './handler-table';

export function registerDeliberationHandlers(table: HandlerTable, store: Store): void {
  table.register('games:deliberation', ({ gameId }) => {
    const row = store.getGame(gameId);
    if (!row)
      throw new HostError(`no game with id "${gameId}"`, [
        { path: 'gameId', message: 'unknown game' },
      ]);
    if (row.kind !== 'deliberation')
      throw new HostError(`game "${gameId}" is a ${row.kind} game, not a deliberation game`, [
        { path: 'gameId', message: 'not a deliberation game' },
      ]);
    if (!row.instance)
      throw new HostError(`game "${gameId}" has not started: its parties are set when it does`);
    return deliberationView(row, store.getTranscript(gameId));
  });

  table.register('results:leaks', ({ sweepId }) => {
    if (!store.getSweep(sweepId))
      throw new HostError(`no sweep with id "${sweepId}"`, [
        { path: 'sweepId', message: 'unknown sweep' },
      ]);
    return leakReport(store, sweepId);
  });
}
