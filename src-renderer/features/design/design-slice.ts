// The sweep designer: form state, live validation through 'sweeps:validate', load and launch.
import type { ValidateResult } from '../../../src-shared/contract';
import { errorMessage, RequestFailed } from '../../api/errors';
import type { DesignForm } from './form-model';
import { defaultForm, docToForm, formToDoc } from './form-model';
import type { Slice } from '../../state/types';

export type Validation =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; result: ValidateResult }
  | { state: 'error'; error: string };

export interface DesignSlice {
  form: DesignForm;
  validation: Validation;
  isLaunching: boolean;
  updateForm(patch: Partial<DesignForm>): void;
  /** Validates the current form; a late answer for an older form is dropped. */
  validate(): Promise<void>;
  /** Loads a sweep JSON file's text; returns an error message or null. */
  loadDocText(text: string): string | null;
  /** Creates and starts the sweep; returns its id, or null after showing the problems. */
  launch(): Promise<string | null>;
  /** Fills the form with the built-in demo sweep. */
  loadDemoForm(): Promise<void>;
  resetForm(): void;
}

export const designSlice: Slice<DesignSlice> = (set, get, { api }) => {
  let seq = 0;
  return {
    form: defaultForm(),
    validation: { state: 'idle' },
    isLaunching: false,
    updateForm(patch) {
      set({ form: { ...get().form, ...patch } });
    },
    async validate() {
      const mine = ++seq;
      set({ validation: { state: 'checking' } });
      try {
        const result = await api.invoke('sweeps:validate', { doc: formToDoc(get().form) });
        if (mine === seq) set({ validation: { state: 'done', result } });
      } catch (err) {
        if (mine === seq) set({ validation: { state: 'error', error: errorMessage(err) } });
      }
    },
    loadDocText(text) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        return `not valid JSON: ${errorMessage(err)}`;
      }
      const loaded = docToForm(parsed);
      if (!loaded.ok) return loaded.error;
      set({ form: loaded.form });
      return null;
    },
    async launch() {
      set({ isLaunching: true });
      try {
        const created = await api.invoke('sweeps:create', { doc: formToDoc(get().form) });
        await get().loadSweeps();
        return created.sweepId;
      } catch (err) {
        if (err instanceof RequestFailed && err.issues.length > 0) {
          set({ validation: { state: 'done', result: { ok: false, issues: err.issues } } });
        } else get().notify('error', `launch failed: ${errorMessage(err)}`);
        return null;
      } finally {
        set({ isLaunching: false });
      }
    },
    async loadDemoForm() {
      try {
        const loaded = docToForm(await api.invoke('sweeps:demo', {}));
        if (loaded.ok) set({ form: loaded.form });
        else get().notify('error', `the demo sweep cannot be edited in the form: ${loaded.error}`);
      } catch (err) {
        get().notify('error', `could not load the demo sweep: ${errorMessage(err)}`);
      }
    },
    resetForm() {
      set({ form: defaultForm(), validation: { state: 'idle' } });
    },
  };
};
