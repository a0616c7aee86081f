import type { AppInfo } from '../../src-shared/contract';
import type { ConnectionState } from '../api/ws-transport';
import { errorMessage } from '../api/errors';
import type { Loadable, Slice } from './types';

export interface ConnectionSlice {
  connection: ConnectionState;
  info: Loadable<AppInfo>;
  /** A short message shown in the status bar after an action fails. */
  notice: { kind: 'error' | 'info'; text: string } | null;
  setConnection(state: ConnectionState): void;
  loadInfo(): Promise<void>;
  notify(kind: 'error' | 'info', text: string): void;
  clearNotice(): void;
}

export const connectionSlice: Slice<ConnectionSlice> = (set, _get, { api }) => ({
  connection: 'connecting',
  info: { state: 'idle' },
  notice: null,
  setConnection: (connection) => set({ connection }),
  async loadInfo() {
    set({ info: { state: 'loading' } });
    try {
      set({ info: { state: 'ready', value: await api.invoke('app:info', {}) } });
    } catch (err) {
      set({ info: { state: 'error', error: errorMessage(err) } });
    }
  },
  notify: (kind, text) => set({ notice: { kind, text } }),
  clearNotice: () => set({ notice: null }),
});
