// Deliberation handlers: the score-leakage judge's leak rates of a sweep, computed by the same
// function as `parley analyze --view leaks` and `parley judge --report`.
import { leakReport } from '../judge/report';
import type { Store } from '../store/types';
import type { HandlerTable } from './handler-table';
import { HostError } from './handler-table';

export function registerDeliberationHandlers(table: HandlerTable, store: Store): void {
  table.register('results:leaks', ({ sweepId }) => {
    if (!store.getSweep(sweepId))
      throw new HostError(`no sweep with id "${sweepId}"`, [
        { path: 'sweepId', message: 'unknown sweep' },
      ]);
    return leakReport(store, sweepId);
  });
}
