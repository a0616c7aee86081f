// Model registry and API key status. Keys go to the host and never come back.
import type { KeyStatus, ModelView } from '../../../src-shared/contract';
import type { ProviderName } from '../../../src-shared/participant';
import type { SweepIssue } from '../../../src-shared/sweep';
import { errorMessage, RequestFailed } from '../../api/errors';
import type { Loadable, Slice } from '../../state/types';

export interface ModelsSlice {
  models: Loadable<ModelView[]>;
  keys: Loadable<KeyStatus[]>;
  loadModels(): Promise<void>;
  loadKeys(): Promise<void>;
  /** Stores a key; resolves to an error message or null. */
  setKey(provider: ProviderName, key: string): Promise<string | null>;
  testKey(provider: ProviderName): Promise<void>;
  /** Lets the provider's key go to one more host; the error to show, or null. */
  allowHost(provider: ProviderName, host: string): Promise<string | null>;
  /** Adds or replaces a user model; resolves to the problems (by field) or null. */
  saveModel(spec: unknown): Promise<SweepIssue[] | null>;
}

function replace(list: Loadable<KeyStatus[]>, status: KeyStatus): Loadable<KeyStatus[]> {
  if (list.state !== 'ready') return { state: 'ready', value: [status] };
  return {
    state: 'ready',
    value: list.value.map((k) => (k.provider === status.provider ? status : k)),
  };
}

export const modelsSlice: Slice<ModelsSlice> = (set, get, { api }) => ({
  models: { state: 'idle' },
  keys: { state: 'idle' },
  async loadModels() {
    set({ models: { state: 'loading' } });
    try {
      set({ models: { state: 'ready', value: await api.invoke('models:list', {}) } });
    } catch (err) {
      set({ models: { state: 'error', error: errorMessage(err) } });
    }
  },
  async loadKeys() {
    set({ keys: { state: 'loading' } });
    try {
      set({ keys: { state: 'ready', value: await api.invoke('keys:status', {}) } });
    } catch (err) {
      set({ keys: { state: 'error', error: errorMessage(err) } });
    }
  },
  async setKey(provider, key) {
    try {
      set({ keys: replace(get().keys, await api.invoke('keys:set', { provider, key })) });
      return null;
    } catch (err) {
      return errorMessage(err);
    }
  },
  async allowHost(provider, host) {
    try {
      set({ keys: replace(get().keys, await api.invoke('keys:allowHost', { provider, host })) });
      return null;
    } catch (err) {
      return errorMessage(err);
    }
  },
  async testKey(provider) {
    try {
      set({ keys: replace(get().keys, await api.invoke('keys:test', { provider })) });
    } catch (err) {
      get().notify('error', `testing the ${provider} key failed: ${errorMessage(err)}`);
    }
  },
  async saveModel(spec) {
    try {
      const saved = await api.invoke('models:save', { spec: spec as never });
      const list = get().models;
      const others = list.state === 'ready' ? list.value.filter((m) => m.id !== saved.id) : [];
      set({ models: { state: 'ready', value: [...others, saved] } });
      return null;
    } catch (err) {
      if (err instanceof RequestFailed && err.issues.length > 0) return err.issues;
      return [{ path: '', message: errorMessage(err) }];
    }
  },
});
