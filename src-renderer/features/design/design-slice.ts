// The sweep designer: form state, the game catalog its fields come from, live validation (and the
// cost estimate) through 'sweeps:validate', load and launch.
import type { GameCatalogEntry, ValidateResult } from '../../../src-shared/contract';
import { errorMessage, RequestFailed } from '../../api/errors';
import type { DesignForm } from './form-model';
import { defaultForm, docToForm, formToDoc } from './form-model';
import { withParamDefaults, withRecordDefaults } from './game-fields';
import type { Loadable, Slice } from '../../state/types';

export type Validation =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; result: ValidateResult }
  | { state: 'error'; error: string };

export interface DesignSlice {
  form: DesignForm;
  /** Every game's parameters, protocols, competition axes and metrics (games:catalog). */
  catalog: Loadable<GameCatalogEntry[]>;
  /** Loads the catalog once and fills the form's missing parameters with the game's defaults. */
  loadCatalog(): Promise<void>;
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
    catalog: { state: 'idle' },
    validation: { state: 'idle' },
    isLaunching: false,
    async loadCatalog() {
      if (get().catalog.state === 'ready' || get().catalog.state === 'loading') return;
      set({ catalog: { state: 'loading' } });
      try {
        const value = await api.invoke('games:catalog', {});
        const form = get().form;
        const entry = value.find((g) => g.kind === form.kind);
        const params = withParamDefaults(form.params, entry);
        const records = withRecordDefaults(form.records, entry);
        const isChanged =
          Object.keys(params).length !== Object.keys(form.params).length ||
          Object.keys(records).length !== Object.keys(form.records).length;
        set({ catalog: { state: 'ready', value } });
        if (isChanged) get().updateForm({ params, records });
      } catch (err) {
        set({ catalog: { state: 'error', error: errorMessage(err) } });
      }
    },
    updateForm(patch) {
      // The last answer was for another form: until this one is checked, nothing is "ready".
      seq++;
      set({ form: { ...get().form, ...patch }, validation: { state: 'idle' } });
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
      const catalog = get().catalog;
      const form = defaultForm();
      const entry =
        catalog.state === 'ready' ? catalog.value.find((g) => g.kind === form.kind) : undefined;
      set({
        form: {
          ...form,
          params: withParamDefaults(form.params, entry),
          records: withRecordDefaults(form.records, entry),
        },
        validation: { state: 'idle' },
      });
    },
  };
};
