// The transport-agnostic host: contract handlers over the store and the sweep runner, and the
// runner's events re-emitted as contract events. Electron IPC, the WebSocket server and tests
// all call `handle` and `subscribe`.
import type { EventName, EventPayloads, HostEvent } from '../../src-shared/contract';
import { registerCompareHandlers } from './handlers-compare';
import { registerDeliberationHandlers } from './handlers-deliberation';
import { registerFigureHandlers } from './handlers-figures';
import { registerGameHandlers } from './handlers-games';
import { registerModelAndKeyHandlers } from './handlers-keys';
import { registerSearchHandlers } from './handlers-search';
import { registerSweepHandlers, withReasons } from './handlers-sweeps';
import { createHandlerTable } from './handler-table';
import type { HostDeps } from './types';

export interface Host {
  /** Validates `rawArgs` against the contract and runs the channel's handler. */
  handle(channel: unknown, rawArgs: unknown): Promise<unknown>;
  /** Receives every contract event; returns the unsubscribe function. */
  subscribe(listener: (event: HostEvent) => void): () => void;
  /** Detaches from the runner's events. */
  dispose(): void;
}

export function createHost(deps: HostDeps): Host {
  const table = createHandlerTable();
  const listeners = new Set<(event: HostEvent) => void>();
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => {
    const message = { event, payload } as HostEvent;
    for (const listener of listeners) listener(message);
  };

  table.register('app:info', () => ({
    name: 'Parley',
    version: deps.version ?? '0.0.0',
    mode: deps.mode ?? 'web',
    dbPath: deps.store.path,
    sweepCount: deps.store.listSweeps().length,
    canRun: deps.service !== undefined,
  }));
  registerSweepHandlers(table, deps);
  registerGameHandlers(table, deps.store, (gameId) => deps.service?.heldTurns?.(gameId) ?? []);
  registerSearchHandlers(table, deps.store);
  registerModelAndKeyHandlers(table, deps.store, deps.keys);
  registerFigureHandlers(table, deps);
  registerCompareHandlers(table, deps.store);
  registerDeliberationHandlers(table, deps.store);
  const missing = table.missing();
  if (missing.length > 0)
    throw new Error(`contract channels without a handler: ${missing.join(', ')}`);

  const service = deps.service;
  const unsubscribers = service
    ? [
        // Every progress event carries the reasons too: the runs screen updates from events alone.
        service.on('progress', (p) => emit('jobs:progress', withReasons(deps.store, p))),
        service.on('game', (e) =>
          emit('games:status', { sweepId: e.sweepId, gameId: e.gameId, status: e.status }),
        ),
        service.on('turn', (e) => emit('games:turn', { gameId: e.gameId, turn: e.turn })),
        service.on('provider', (e) =>
          emit('provider:status', {
            provider: e.provider,
            status: e.status,
            detail: e.detail ?? null,
          }),
        ),
      ]
    : [];

  return {
    handle: (channel, rawArgs) => table.handle(channel, rawArgs),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribers.forEach((off) => off());
      listeners.clear();
    },
  };
}
