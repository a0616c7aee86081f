// The sweep designer: a form over the sweep document (never raw JSON), validated as you type by
// the shared zod schema and then by the host (participants, game geometry), with the grid size,
// an LLM cost estimate, Save/Load JSON (the file the CLI runs) and Launch.
import { useEffect, useMemo } from 'react';
import { ACCEPTANCE_RULES, GAME_KINDS } from '../../../src-shared/game';
import type { GameKind, ProtocolName } from '../../../src-shared/game';
import { parseSweep } from '../../../src-shared/sweep';
import type { SweepIssue } from '../../../src-shared/sweep';
import { Field, FieldIssues, NumberInput } from '../../components/Field';
import { formToDoc, issuesByField } from './form-model';
import {
  fitStrategies,
  formParams,
  protocolOf,
  recordFields,
  strategyChoices,
  withParamDefaults,
  withRecordDefaults,
} from './game-fields';
import { GameParamField } from './GameParamField';
import type { DesignForm, OrderChoice } from './form-model';
import { plainIssues } from './issue-text';
import { DesignSummary } from './DesignSummary';
import { LevelsField } from './LevelsField';
import { ParticipantsSection } from './ParticipantsSection';
import { PartyLineupFields } from './PartyLineupFields';
import { useApp } from '../../state/hooks';
import { DesignFileActions } from './DesignFileActions';
import { RecordParamField } from './RecordParamField';
import { placeRecordIssue, recordIssues } from './record-fields';

const ORDER_LABELS: Record<OrderChoice, string> = {
  weak_first: 'weaker agent speaks first',
  strong_first: 'stronger agent speaks first',
  both: 'both orders',
  random: 'random order per game',
};
const VALIDATE_DELAY_MS = 250;

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
  const entry = entryOf(form.kind);
  const protocols = entry?.protocols ?? [];
  const protocol = protocolOf(form, entry);
  // Rounds, discount, acceptance and discussion are propose-and-vote's (DESIGN 4.1).
  const isProposeVote = !protocol || protocol.id === 'propose-and-vote';

  // Names a record would merge or the game refuses are the form's to report: the host sees the
  // rows once they are sound.
  const local = useMemo(() => {
    const named = recordIssues(form, entry);
    return named.length > 0 ? { ok: false as const, issues: named } : parseSweep(formToDoc(form));
  }, [form, entry]);
  const recordNames = recordFields(entry).map((p) => p.name);
  const recordPaths = [
    ...recordNames.map((n) => `game.params.${n}`),
    'lineup.byRole',
    'lineup.byParty',
  ];
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
  ).map((i) =>
    placeRecordIssue(i, recordNames, recordPaths, (name) =>
      (form.records[name] ?? []).map((r) => r.key.trim()),
    ),
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
                  // A game's fields and fitting strategies come from the catalog: wait for it.
                  disabled={catalog.state !== 'ready'}
                  onChange={(e) => {
                    const kind = e.target.value as GameKind;
                    const entry = entryOf(kind);
                    update({
                      kind,
                      params: withParamDefaults({}, entry),
                      records: withRecordDefaults({}, entry),
                      otherParams: {},
                      protocol: null,
                      participants: fitStrategies(
                        form.participants,
                        strategyChoices({ protocol: null }, entry),
                      ),
                    });
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
            {catalog.state === 'error' && (
              <p className="error-inline" role="alert">
                The games’ parameters could not be loaded: {catalog.error}
              </p>
            )}
            {formParams(entry).map((p) => (
              <GameParamField
                key={p.name}
                param={p}
                value={form.params[p.name]}
                issues={byField[`params.${p.name}`]}
                onChange={(v) => {
                  const params = { ...form.params };
                  if (v === undefined) delete params[p.name];
                  else params[p.name] = v;
                  update({ params });
                }}
              />
            ))}
          </div>
          {recordFields(entry).length > 0 && (
            <div className="row-fields record-fields">
              {recordFields(entry).map((p) => (
                <RecordParamField
                  key={p.name}
                  param={p}
                  rows={form.records[p.name] ?? []}
                  issues={byField[`params.${p.name}`]}
                  onChange={(rows) => update({ records: { ...form.records, [p.name]: rows } })}
                />
              ))}
            </div>
          )}
        </fieldset>

        <fieldset className="section">
          <legend>Protocol</legend>
          <div className="row-fields">
            {protocol && (
              <Field label="Protocol" issues={byField.protocol}>
                {(ids) =>
                  protocols.length > 1 ? (
                    <select
                      id={ids.id}
                      data-testid="field-protocol"
                      value={protocol.id}
                      onChange={(e) => {
                        const next = { protocol: e.target.value as ProtocolName };
                        update({
                          ...next,
                          participants: fitStrategies(
                            form.participants,
                            strategyChoices(next, entry),
                          ),
                        });
                      }}
                    >
                      {protocols.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <output id={ids.id} className="static-value" data-testid="field-protocol">
                      {protocol.label}
                    </output>
                  )
                }
              </Field>
            )}
            {num('agents', 'Agents per game', 1, 2, 12)}
            {isProposeVote && (
              <>
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
                      {(protocol?.acceptance ?? ACCEPTANCE_RULES).map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {num(
                  'discussionTurns',
                  'Discussion passes',
                  1,
                  0,
                  10,
                  'per round; 0 disables talk',
                )}
              </>
            )}
            {!isProposeVote && protocol && (
              <p className="hint grow" data-testid="protocol-hint">
                {protocol.id === 'deliberation'
                  ? 'One agent per party of the game folder; the turn count and the window of recent answers are game parameters above.'
                  : 'Two players take turns offering; the turn limit is the game’s (its parameters above).'}
              </p>
            )}
          </div>
        </fieldset>

        <ParticipantsSection
          form={form}
          strategies={strategyChoices(form, entry)}
          models={modelList}
          issues={byField.participants}
          update={update}
        >
          {form.kind === 'deliberation' && (
            <PartyLineupFields form={form} byField={byField} update={update} />
          )}
        </ParticipantsSection>

        <fieldset className="section">
          <legend>Competition axis and runs</legend>
          <div className="row-fields">
            <LevelsField
              form={form}
              hasAxis={!entry || entry.competitionAxes.length > 0}
              incentiveOptions={
                entry?.params.find((p) => p.name === 'incentives')?.record?.value.options ?? null
              }
              issues={byField.levels}
              update={update}
            />
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
      <DesignSummary
        issues={Object.values(byField).flat()}
        isLocalOk={local.ok}
        canRun={canRun}
        isReadOnly={isReadOnly}
      />
    </section>
  );
}
