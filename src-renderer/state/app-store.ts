// The one app store: slices combined once, and the host's events wired into them.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ClientAPI } from '../../src-shared/contract';
import { compareSlice } from '../features/compare/compare-slice';
import { connectionSlice } from './connection-slice';
import { designSlice } from '../features/design/design-slice';
import { modelsSlice } from '../features/models/models-slice';
import { resultsSlice } from '../features/results/results-slice';
import { routeSlice } from './route-slice';
import { sweepsSlice } from '../features/runs/sweeps-slice';
import { transcriptSlice } from '../features/transcripts/transcript-slice';
import type { AppState, SliceDeps } from './types';

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: SliceDeps): AppStore {
  return createStore<AppState>()((set, get) => ({
    ...connectionSlice(set, get, deps),
    ...sweepsSlice(set, get, deps),
    ...routeSlice(set, get, deps),
    ...designSlice(set, get, deps),
    ...modelsSlice(set, get, deps),
    ...resultsSlice(set, get, deps),
    ...transcriptSlice(set, get, deps),
    ...compareSlice(set, get, deps),
  }));
}

/** Routes the host's events to the slices; returns the unsubscribe function. */
export function connectEvents(api: ClientAPI, store: AppStore): () => void {
  const s = () => store.getState();
  const offs = [
    api.on('jobs:progress', (p) => {
      s().applyProgress(p);
      s().resultsChanged(p.sweepId);
    }),
    api.on('games:turn', (e) => s().applyTurn(e)),
    api.on('games:status', (e) => s().applyGameStatus(e)),
    api.on('provider:status', (e) => s().applyProvider(e)),
  ];
  return () => offs.forEach((off) => off());
}
