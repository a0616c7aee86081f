// The sweep designer: a form over the sweep document (never raw JSON), validated as you type by
// the shared zod schema and then by the host (participants, game geometry), with the grid size,
// an LLM cost estimate, Save/Load JSON (the file the CLI runs) and Launch.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ACCEPTANCE_RULES, GAME_KINDS } from '../../../src-shared/game';
import type { GameKind } from '../../../src-shared/game';
import { parseSweep } from '../../../src-shared/sweep';
import type { SweepIssue } from '../../../src-shared/sweep';
import { Field, FieldIssues, NumberInput } from '../../components/Field';
import { formParams, formToDoc, issuesByField, withParamDefaults } from './form-model';
import type { DesignForm, OrderChoice } from './form-model';
import { plainIssues } from './issue-text';
import { DesignSummary } from './DesignSummary';
import { LevelsField } from './LevelsField';
import { ParticipantsSection } from './ParticipantsSection';
import { useApp, usePlatform } from '../../state/hooks';

const ORDER_LABELS: Record<OrderChoice, string> = {
  weak_first: 'weaker agent speaks first',
  strong_first: 'stronger agent speaks first',
  both: 'both orders',
  random: 'random order per game',
};
const VALIDATE_DELAY_MS = 250;

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'sweep'
  );
}

export function DesignScreen() {
  const form = useApp((s) => s.form);
  const update = useApp((s) => s.updateForm);
  const validation = useApp((s) => s.validation);
  const validate = useApp((s) => s.validate);
  const models = useApp((s) => s.models);
  const loadModels = useApp((s) => s.loadModels);
  const catalog = useApp((s) => s.catalog);
  const loadCatalog = useApp((s) => s.loadCatalog);
  const canRun = useApp((s) => s.info.state === 'ready' && s.info.value.canRun);
  const isReadOnly = useApp((s) => s.info.state === 'ready' && !s.info.value.canRun);

  useEffect(() => {
    if (models.state === 'idle') void loadModels();
  }, [models.state, loadModels]);
  useEffect(() => {
    if (catalog.state === 'idle') void loadCatalog();
  }, [catalog.state, loadCatalog]);
  const games = catalog.state === 'ready' ? catalog.value : [];
  const entryOf = (kind: GameKind) => games.find((g) => g.kind === kind);

  const local = useMemo(() => parseSweep(formToDoc(form)), [form]);
  // Host validation once the schema is satisfied; debounced, and late answers are dropped.
  useEffect(() => {
    if (!local.ok) return;
    const timer = setTimeout(() => void validate(), VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [local, validate]);

  const issues: SweepIssue[] = plainIssues(
    !local.ok
      ? local.issues
      : validation.state === 'done' && !validation.result.ok
        ? validation.result.issues
        : [],
  );
  const byField = issuesByField(issues);
  const modelList = models.state === 'ready' ? models.value : [];
  const num = (
    key: 'agents' | 'rounds' | 'gamma' | 'discussionTurns' | 'runs' | 'baseSeed' | 'concurrency',
    label: string,
    step: number,
    min: number,
    max: number,
    hint?: string,
  ) => (
    <Field label={label} hint={hint} issues={byField[key === 'baseSeed' ? 'runs' : key]}>
      {(ids) => (
        <NumberInput
          {...ids}
          testId={`field-${key}`}
          value={form[key]}
          step={step}
          min={min}
          max={max}
          onChange={(v) => update({ [key]: v } as Partial<DesignForm>)}
        />
      )}
    </Field>
  );

  return (
    <section className="design" aria-label="Sweep designer">
      <form className="design-form" onSubmit={(e) => e.preventDefault()} noValidate>
        <div className="screen-head">
          <h1>Design a sweep</h1>
          <DesignFileActions />
        </div>
        <fieldset className="section">
          <legend>Sweep</legend>
          <div className="row-fields">
            <Field label="Name" issues={byField.name} wide>
              {(ids) => (
                <input
                  id={ids.id}
                  aria-invalid={ids.isInvalid || undefined}
                  aria-describedby={ids.describedBy}
                  data-testid="field-name"
                  value={form.name}
                  onChange={(e) => update({ name: e.target.value })}
                />
              )}
            </Field>
            <Field label="Description (optional)" issues={byField.description} wide>
              {(ids) => (
                <input
                  id={ids.id}
                  value={form.description}
                  onChange={(e) => update({ description: e.target.value })}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset className="section">
          <legend>Game</legend>
          <div className="row-fields">
            <Field label="Game" issues={byField.kind}>
              {(ids) => (
                <select
                  id={ids.id}
                  data-testid="field-kind"
                  value={form.kind}
                  onChange={(e) => {
                    const kind = e.target.value as GameKind;
                    update({ kind, params: withParamDefaults({}, entryOf(kind)), otherParams: {} });
                  }}
                >
                  {GAME_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {entryOf(k)?.title ?? k}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {formParams(entryOf(form.kind)).map((p) => (
              <Field
                key={p.name}
                label={p.label}
                hint={p.help ?? undefined}
                issues={byField[`params.${p.name}`]}
              >
                {(ids) => (
                  <NumberInput
                    {...ids}
                    testId={`param-${p.name}`}
                    value={form.params[p.name] ?? (p.default as number)}
                    step={p.type === 'integer' ? 1 : 0.05}
                    min={p.min ?? undefined}
                    max={p.max ?? undefined}
                    onChange={(v) => update({ params: { ...form.params, [p.name]: v } })}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>

        <fieldset className="section">
          <legend>Protocol</legend>
          <div className="row-fields">
            {num('agents', 'Agents per game', 1, 2, 12)}
            {num('rounds', 'Rounds', 1, 1, 100)}
            {num('gamma', 'Discount γ', 0.05, 0.05, 1, 'utility × γ^(round−1)')}
            <Field label="Acceptance rule" issues={byField.acceptance}>
              {(ids) => (
                <select
                  id={ids.id}
                  value={form.acceptance}
                  onChange={(e) =>
                    update({ acceptance: e.target.value as DesignForm['acceptance'] })
                  }
                >
                  {ACCEPTANCE_RULES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {num('discussionTurns', 'Discussion passes', 1, 0, 10, 'per round; 0 disables talk')}
          </div>
        </fieldset>

        <ParticipantsSection
          form={form}
          models={modelList}
          issues={byField.participants}
          update={update}
        />

        <fieldset className="section">
          <legend>Competition axis and runs</legend>
          <div className="row-fields">
            <LevelsField form={form} issues={byField.levels} update={update} />
          </div>
          <div className="row-fields">
            <Field label="Who speaks first" issues={byField.orders}>
              {(ids) => (
                <select
                  id={ids.id}
                  value={form.orders}
                  onChange={(e) => update({ orders: e.target.value as OrderChoice })}
                >
                  {(Object.keys(ORDER_LABELS) as OrderChoice[]).map((o) => (
                    <option key={o} value={o}>
                      {ORDER_LABELS[o]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {num('runs', 'Runs per cell', 1, 1, 10000)}
            {num('baseSeed', 'First seed', 1, 0, 1e9, 'run k uses seed + k')}
            {num('concurrency', 'Games at once', 1, 1, 256)}
            <Field
              label="Budget (USD, optional)"
              issues={byField.budgetUsd}
              hint="pauses the sweep when reached"
            >
              {(ids) => (
                <NumberInput
                  {...ids}
                  value={form.budgetUsd}
                  step={1}
                  min={0}
                  onChange={(v) => update({ budgetUsd: Number.isNaN(v) ? null : v })}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <FieldIssues id="general-issues" issues={byField.general} />
      </form>
      <DesignSummary issues={issues} isLocalOk={local.ok} canRun={canRun} isReadOnly={isReadOnly} />
    </section>
  );
}

function DesignFileActions() {
  const form = useApp((s) => s.form);
  const loadDocText = useApp((s) => s.loadDocText);
  const loadDemoForm = useApp((s) => s.loadDemoForm);
  const resetForm = useApp((s) => s.resetForm);
  const notify = useApp((s) => s.notify);
  const platform = usePlatform();
  const fileInput = useRef<HTMLInputElement>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  return (
    <div className="actions">
      <button type="button" onClick={() => void loadDemoForm()}>
        Start from the demo
      </button>
      <button type="button" onClick={resetForm}>
        Reset
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Load JSON…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="load-json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          void file.text().then((text) => {
            const error = loadDocText(text);
            setLoadError(error ? `${file.name}: ${error}` : null);
          });
        }}
      />
      <button
        type="button"
        data-testid="save-json"
        onClick={() =>
          void platform
            .saveFile(`${slug(form.name)}.json`, `${JSON.stringify(formToDoc(form), null, 2)}\n`)
            .catch((err: unknown) => notify('error', `saving failed: ${String(err)}`))
        }
      >
        Save JSON…
      </button>
      {loadError && (
        <span className="error-inline" role="alert">
          {loadError}
        </span>
      )}
    </div>
  );
}
