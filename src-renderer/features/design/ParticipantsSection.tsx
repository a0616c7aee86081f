// The capability axis of the designer: who plays, in which role, placed by the chosen score.
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ModelView } from '../../../src-shared/contract';
import type { StrategyName } from '../../../src-shared/participant';
import type { SweepIssue } from '../../../src-shared/sweep';
import { FieldIssues, NumberInput } from '../../components/Field';
import { fmt } from '../../lib/format';
import { issuesByRow } from './issue-text';
import { metricChoices, rowInfo } from './row-info';
import type { DesignForm, ParticipantRow, Role } from './form-model';
import { rowKey, strategyRow, withStrategy } from './form-model';
import { usesParties } from './party-lineup';

interface Props {
  form: DesignForm;
  /** Fields of the line-up shown above the table (a deliberation game's model per party). */
  children?: ReactNode;
  /** The strategies that play the chosen game with its protocol (games:catalog). */
  strategies: readonly StrategyName[];
  models: readonly ModelView[];
  issues: readonly SweepIssue[] | undefined;
  update: (patch: Partial<DesignForm>) => void;
}

const ROLE_LABELS: Record<Role, string> = {
  baseline: 'baseline',
  opponent: 'on the axis',
  off: 'not used',
};
// With a model per party: the axis is the focal party's model; the baseline seats the rest.
const PARTY_ROLE_LABELS: Record<Role, string> = {
  baseline: 'other parties',
  opponent: 'focal, on the axis',
  off: 'by role/party only',
};

export function ParticipantsSection({ form, strategies, models, issues, update, children }: Props) {
  const isParties = usesParties(form);
  const roleLabels = isParties ? PARTY_ROLE_LABELS : ROLE_LABELS;
  const metric = form.capabilityMetric;
  const [newC, setNewC] = useState(0.6);
  const [pick, setPick] = useState('');
  // While a capability is being typed the rows keep their places; they sort again on blur.
  const [frozen, setFrozen] = useState<string[] | null>(null);
  const rows = useMemo(() => {
    const withInfo = form.participants.map((row) => ({ row, info: rowInfo(row, metric, models) }));
    if (frozen) {
      const at = (key: string) => {
        const i = frozen.indexOf(key);
        return i < 0 ? frozen.length : i;
      };
      return withInfo.sort((a, b) => at(a.row.key) - at(b.row.key));
    }
    return withInfo.sort(
      (a, b) =>
        (a.info.score ?? Number.NEGATIVE_INFINITY) - (b.info.score ?? Number.NEGATIVE_INFINITY),
    );
  }, [form.participants, metric, models, frozen]);
  const { byRow, rest } = issuesByRow(issues ?? [], form);
  // A removed row's button is gone: focus goes to the row that took its place (or the one
  // before, after the last row), else to "Add strategy agent", once the rows have rendered.
  const root = useRef<HTMLFieldSetElement>(null);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    const at = focusRow.current;
    focusRow.current = null;
    const buttons = root.current?.querySelectorAll<HTMLElement>('button[data-remove-row]') ?? [];
    const next =
      buttons[Math.min(at, buttons.length - 1)] ??
      root.current?.querySelector<HTMLElement>('[data-testid="add-strategy"]');
    next?.focus();
  });
  const freeze = () => setFrozen(rows.map((r) => r.row.key));
  const choices = useMemo(
    () =>
      models
        .filter((m) => m.kind === 'llm' && !form.participants.some((r) => r.id === m.id))
        .map((m) => ({ m, score: m.scores[metric] ?? null }))
        .sort(
          (a, b) =>
            (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY) ||
            a.m.displayName.localeCompare(b.m.displayName),
        ),
    [models, form.participants, metric],
  );

  const setRow = (key: string, patch: Partial<ParticipantRow>) => {
    const participants = form.participants.map((r) => {
      if (r.key !== key)
        return patch.role === 'baseline' && r.role === 'baseline'
          ? { ...r, role: 'opponent' as Role }
          : r;
      return { ...r, ...patch } as ParticipantRow;
    });
    update({ participants });
  };
  const setStrategy = (
    row: Extract<ParticipantRow, { source: 'strategy' }>,
    patch: { capability?: number; strategy?: StrategyName },
  ) => {
    const { capability, strategy, id, displayName } = withStrategy(row, patch);
    setRow(row.key, { capability, strategy, id, displayName });
  };

  return (
    <fieldset className="section" data-testid="participants" ref={root}>
      <legend>Capability axis</legend>
      <div className="row-fields">
        <div className="field">
          <label htmlFor="cap-metric">Order by score</label>
          <select
            id="cap-metric"
            value={metric}
            onChange={(e) => update({ capabilityMetric: e.target.value })}
          >
            {metricChoices(models, metric).map((m) => (
              <option key={m} value={m}>
                {m === 'capability' ? 'capability (strategy c)' : m}
              </option>
            ))}
          </select>
        </div>
        <p className="hint grow">
          {isParties
            ? 'One column of the heatmap per participant “on the axis”, each played by the focal party; the “other parties” row seats every party no role or party row names.'
            : 'One column of the heatmap per participant “on the axis”; each plays the baseline.'}{' '}
          Rows are sorted by the chosen score, weakest first.
        </p>
      </div>
      {children}
      <FieldIssues id="participants-issues" issues={rest} showPath={false} />
      <div className="participants-scroll">
        <table className="grid compact participants-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Role</th>
              <th>Participant</th>
              <th>Kind</th>
              <th className="num">{metric}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, info }, index) => {
              const rowIssues = byRow.get(row.key);
              return (
                <Fragment key={row.key}>
                  <tr
                    data-testid={`participant-${row.id}`}
                    data-row={index + 1}
                    className={`${row.role === 'off' ? 'off' : ''}${rowIssues ? ' invalid' : ''}`}
                    aria-invalid={rowIssues ? true : undefined}
                  >
                    <td className="num muted row-number">{index + 1}</td>
                    <td>
                      <select
                        aria-label={`Role of ${info.label}`}
                        value={row.role}
                        onChange={(e) => setRow(row.key, { role: e.target.value as Role })}
                      >
                        {(Object.keys(roleLabels) as Role[]).map((r) => (
                          <option key={r} value={r}>
                            {roleLabels[r]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {row.source === 'strategy' ? (
                        <span className="inline-edit">
                          <select
                            aria-label={`Strategy of ${info.label}`}
                            value={row.strategy}
                            onChange={(e) =>
                              setStrategy(row, { strategy: e.target.value as StrategyName })
                            }
                          >
                            {strategies.map((s) => (
                              <option key={s} value={s}>
                                {s}
                              </option>
                            ))}
                            {!strategies.includes(row.strategy) && (
                              <option value={row.strategy}>
                                {row.strategy} (does not play this game)
                              </option>
                            )}
                          </select>
                          <span className="muted">c</span>
                          <span onFocus={freeze} onBlur={() => setFrozen(null)}>
                            <NumberInput
                              ariaLabel={`Capability c of ${info.label}`}
                              testId={`capability-${index + 1}`}
                              value={row.capability}
                              step={0.05}
                              min={0}
                              max={1}
                              isInvalid={!!rowIssues}
                              describedBy={rowIssues ? `row-issues-${row.key}` : undefined}
                              onChange={(v) => setStrategy(row, { capability: v })}
                            />
                          </span>
                        </span>
                      ) : (
                        <>
                          {info.label} <span className="muted">{row.id}</span>
                        </>
                      )}
                    </td>
                    <td className="muted">
                      {info.kind === 'strategy'
                        ? 'strategy'
                        : info.kind === 'llm'
                          ? info.detail
                          : 'unknown id'}
                    </td>
                    <td className="num">
                      {info.score === null ? (
                        <span className="muted" title={`no ${metric} score`}>
                          –
                        </span>
                      ) : (
                        fmt(info.score, Number.isInteger(info.score) ? 0 : 2)
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-label={`Remove ${info.label}`}
                        data-remove-row=""
                        onClick={() => {
                          focusRow.current = index;
                          update({
                            participants: form.participants.filter((r) => r.key !== row.key),
                          });
                        }}
                      >
                        remove
                      </button>
                    </td>
                  </tr>
                  {rowIssues && (
                    <tr className="row-issues">
                      <td />
                      <td colSpan={5}>
                        <ul
                          className="field-issues"
                          id={`row-issues-${row.key}`}
                          role="alert"
                          data-testid={`row-issues-${index + 1}`}
                        >
                          {rowIssues.map((m) => (
                            <li key={m}>
                              Row {index + 1} ({info.label}): {m}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="add-row">
        <span className="inline-edit">
          <span>Strategy agent c =</span>
          <NumberInput
            ariaLabel="Capability of the new strategy agent"
            testId="new-strategy-c"
            value={newC}
            step={0.05}
            min={0}
            max={1}
            onChange={setNewC}
          />
          <button
            type="button"
            data-testid="add-strategy"
            disabled={!(newC >= 0 && newC <= 1)}
            onClick={() =>
              update({
                participants: [
                  ...form.participants,
                  strategyRow(newC, 'opponent', strategies[0] ?? 'bounded-rational'),
                ],
              })
            }
          >
            Add strategy agent
          </button>
        </span>
        <span className="inline-edit">
          <select
            aria-label="Model from the registry"
            value={pick}
            onChange={(e) => setPick(e.target.value)}
          >
            <option value="">
              {choices.length === 0
                ? 'no registry models'
                : `Model from the registry (by ${metric})…`}
            </option>
            {choices.map(({ m, score }) => (
              <option key={m.id} value={m.id}>
                {m.displayName}{' '}
                {score === null ? '' : `· ${fmt(score, Number.isInteger(score) ? 0 : 1)}`}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!pick}
            onClick={() => {
              update({
                participants: [
                  ...form.participants,
                  { key: rowKey(), source: 'registry', id: pick, role: 'opponent' },
                ],
              });
              setPick('');
            }}
          >
            Add model
          </button>
        </span>
      </div>
    </fieldset>
  );
}
