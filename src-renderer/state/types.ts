// The app store's shape: one zustand store built from typed slices (Inspect AI's pattern).
import type { StoreApi } from 'zustand/vanilla';
import type { ClientAPI } from '../../src-shared/contract';
import type { CompareSlice } from '../features/compare/compare-slice';
import type { ConnectionSlice } from './connection-slice';
import type { DesignSlice } from '../features/design/design-slice';
import type { ModelsSlice } from '../features/models/models-slice';
import type { ResultsSlice } from '../features/results/results-slice';
import type { RouteSlice } from './route-slice';
import type { SweepsSlice } from '../features/runs/sweeps-slice';
import type { TranscriptSlice } from '../features/transcripts/transcript-slice';

export type AppState = ConnectionSlice &
  SweepsSlice &
  RouteSlice &
  DesignSlice &
  ModelsSlice &
  ResultsSlice &
  TranscriptSlice &
  CompareSlice;

export interface SliceDeps {
  api: ClientAPI;
  /** Writes the route to the address bar (the browser's hash); tests pass a stub. */
  /** Writes the address bar's hash; `replace` rewrites the current history entry. */
  writeHash: (hash: string, replace: boolean) => void;
}

export type Slice<T> = (
  set: StoreApi<AppState>['setState'],
  get: () => AppState,
  deps: SliceDeps,
) => T;

/** Loading state of one request-backed value. */
export type Loadable<T> =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: string };
