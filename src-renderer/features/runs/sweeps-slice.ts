// Sweeps and their live progress: loaded once, then kept current by 'jobs:progress' events.
import type {
  ProviderStatusEvent,
  SweepProgress,
  SweepSummary,
} from '../../../src-shared/contract';
import { errorMessage } from '../../api/errors';
import type { Loadable, Slice } from '../../state/types';

export type SweepAction = 'sweeps:pause' | 'sweeps:resume' | 'sweeps:cancel' | 'sweeps:retryFailed';

export interface SweepsSlice {
  sweeps: Loadable<SweepSummary[]>;
  providers: Record<string, ProviderStatusEvent>;
  /** Sweep ids with a control request in flight. */
  busy: string[];
  loadSweeps(): Promise<void>;
  applyProgress(p: SweepProgress): void;
  applyProvider(e: ProviderStatusEvent): void;
  control(action: SweepAction, sweepId: string): Promise<void>;
  /** Creates and starts the built-in demo sweep; returns its id. */
  runDemo(): Promise<string | null>;
}

export const sweepsSlice: Slice<SweepsSlice> = (set, get, { api }) => ({
  sweeps: { state: 'idle' },
  providers: {},
  busy: [],
  async loadSweeps() {
    if (get().sweeps.state !== 'ready') set({ sweeps: { state: 'loading' } });
    try {
      set({ sweeps: { state: 'ready', value: await api.invoke('sweeps:list', {}) } });
    } catch (err) {
      set({ sweeps: { state: 'error', error: errorMessage(err) } });
    }
  },
  applyProgress(p) {
    const current = get().sweeps;
    if (current.state !== 'ready') return;
    if (!current.value.some((s) => s.id === p.sweepId)) {
      void get().loadSweeps();
      return;
    }
    set({
      sweeps: {
        state: 'ready',
        value: current.value.map((s) => (s.id === p.sweepId ? { ...s, progress: p } : s)),
      },
    });
  },
  applyProvider(e) {
    set({ providers: { ...get().providers, [e.provider]: e } });
  },
  async control(action, sweepId) {
    set({ busy: [...get().busy, sweepId] });
    try {
      const progress = await api.invoke(action, { sweepId });
      await get().loadSweeps();
      get().applyProgress(progress);
    } catch (err) {
      get().notify('error', `${action.replace('sweeps:', '')} failed: ${errorMessage(err)}`);
    } finally {
      set({ busy: get().busy.filter((id) => id !== sweepId) });
    }
  },
  async runDemo() {
    try {
      const doc = await api.invoke('sweeps:demo', {});
      const created = await api.invoke('sweeps:create', { doc });
      await get().loadSweeps();
      return created.sweepId;
    } catch (err) {
      get().notify('error', `the demo sweep could not start: ${errorMessage(err)}`);
      return null;
    }
  },
});
