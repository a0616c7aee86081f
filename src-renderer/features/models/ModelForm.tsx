// Add or edit a user model: an LLM participant with its scores and prices, checked by the host.
import { useEffect, useRef, useState } from 'react';
import type { ModelView } from '../../../src-shared/contract';
import { OUTPUT_MODES, PROVIDERS } from '../../../src-shared/participant';
import type { SweepIssue } from '../../../src-shared/sweep';
import { FieldIssues } from '../../components/Field';
import { useApp } from '../../state/hooks';
import { MAX_REASKS_LIMIT, defaultModeLabel, draftOf, draftToSpec } from './model-draft';
import type { Draft } from './model-draft';

/** What each output mode does, in the mode control. */
const MODE_LABELS: Record<(typeof OUTPUT_MODES)[number], string> = {
  tool: 'tool: a forced tool call (Anthropic)',
  json_schema: 'json_schema: a strict JSON schema (OpenAI-compatible)',
  none: 'none: plain text, parsed',
};

const byPrefix = (issues: SweepIssue[], prefix: string) =>
  issues.filter(
    (i) => i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix} `),
  );

export function ModelForm({ model, onDone }: { model: ModelView | null; onDone: () => void }) {
  const saveModel = useApp((s) => s.saveModel);
  const [draft, setDraft] = useState(() => draftOf(model));
  const [issues, setIssues] = useState<SweepIssue[]>([]);
  const [isSaving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Keyboard users land in the form's first editable field when it opens.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input:not([readonly]), select')?.focus();
  }, []);
  const field = (
    key: keyof Draft,
    label: string,
    path: string,
    props: Record<string, unknown> = {},
  ) => (
    <div className={`field${byPrefix(issues, path).length ? ' invalid' : ''}`}>
      <label htmlFor={`model-${key}`}>{label}</label>
      <input
        id={`model-${key}`}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        {...props}
      />
      <FieldIssues id={`model-${key}-issues`} issues={byPrefix(issues, path)} />
    </div>
  );
  return (
    <form
      ref={formRef}
      className="panel model-form"
      aria-label={model ? `Edit ${model.displayName}` : 'Add a model'}
      data-testid="model-form"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onDone();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        const { spec, issues: local } = draftToSpec(draft, model?.spec);
        if (local.length > 0) return setIssues(local);
        setSaving(true);
        void saveModel(spec).then((problems) => {
          setSaving(false);
          if (problems) setIssues(problems);
          else onDone();
        });
      }}
    >
      <h2>{model ? `Edit ${model.displayName}` : 'Add a model'}</h2>
      {model?.source === 'registry' && (
        <p className="hint">
          Saving keeps a user copy that overrides the shipped entry with this id.
        </p>
      )}
      <div className="row-fields">
        {field('id', 'Id', 'spec.id', { readOnly: !!model, placeholder: 'e.g. my-gpt' })}
        {field('displayName', 'Display name', 'spec.displayName')}
        <div className="field">
          <label htmlFor="model-provider">Provider</label>
          <select
            id="model-provider"
            value={draft.provider}
            onChange={(e) => setDraft({ ...draft, provider: e.target.value })}
          >
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        {field('model', 'Provider’s model id', 'spec.model', { placeholder: 'e.g. gpt-4o-mini' })}
        {field('baseUrl', 'Base URL (local or self-hosted)', 'spec.baseUrl', {
          placeholder: 'e.g. http://127.0.0.1:11434/v1',
          inputMode: 'url',
        })}
        {field('priceIn', 'Input $/Mtok', 'spec.prices', { inputMode: 'decimal' })}
        {field('priceOut', 'Output $/Mtok', 'spec.prices', { inputMode: 'decimal' })}
      </div>
      <div className="row-fields">
        <div
          className={`field${byPrefix(issues, 'spec.structuredOutput').length ? ' invalid' : ''}`}
        >
          <label htmlFor="model-structuredOutput">Structured output</label>
          <select
            id="model-structuredOutput"
            value={draft.structuredOutput}
            onChange={(e) => setDraft({ ...draft, structuredOutput: e.target.value })}
          >
            <option value="">{defaultModeLabel(draft.provider)}</option>
            {OUTPUT_MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </select>
          <FieldIssues
            id="model-structuredOutput-issues"
            issues={byPrefix(issues, 'spec.structuredOutput')}
          />
        </div>
        {field('maxReasks', `Max re-asks per turn (0–${MAX_REASKS_LIMIT})`, 'spec.maxReasks', {
          inputMode: 'numeric',
          placeholder: 'default 2',
        })}
        {field('minCacheTokens', 'Minimum cacheable tokens', 'spec.minCacheTokens', {
          inputMode: 'numeric',
          placeholder: 'registry value',
        })}
      </div>
      <div className={`field wide${byPrefix(issues, 'spec.scores').length ? ' invalid' : ''}`}>
        <label htmlFor="model-scores">
          Scores (one “name = value” per line; these place the model on the capability axis)
        </label>
        <textarea
          id="model-scores"
          rows={3}
          value={draft.scores}
          onChange={(e) => setDraft({ ...draft, scores: e.target.value })}
        />
        <FieldIssues id="model-scores-issues" issues={byPrefix(issues, 'spec.scores')} />
      </div>
      <FieldIssues
        id="model-issues"
        issues={issues.filter(
          (i) =>
            !/^spec\.(id|displayName|model|baseUrl|prices|scores|structuredOutput|maxReasks|minCacheTokens)/.test(
              i.path,
            ),
        )}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Save model'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
