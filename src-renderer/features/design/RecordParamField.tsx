// One record parameter of the designer, as games:catalog describes it (from the game's zod
// schema): rows of a name and a value (holdings per resource, an incentive per party), with Add
// and Remove. No rows leaves the parameter out, so the game's default applies; the field says
// what that default is. Problems show at the field in words, naming the row (placeRecordIssue).
import { useEffect, useId, useRef } from 'react';
import type { GameParamView, JsonValue } from '../../../src-shared/contract';
import type { SweepIssue } from '../../../src-shared/sweep';
import { NumberInput } from '../../components/Field';
import type { ParamValue, RecordEntry } from './form-model';
import { recordRowOf } from './record-fields';

interface Props {
  param: GameParamView;
  /** Where the record sits in the sweep document; default `game.params.<name>`. */
  path?: string;
  rows: readonly RecordEntry[];
  issues: readonly SweepIssue[] | undefined;
  onChange: (rows: RecordEntry[]) => void;
}

/** What no rows stand for: the game's default, in words ("X 25, Y 5") when it has one. */
function emptyText(d: JsonValue): string {
  const parts =
    d && typeof d === 'object' && !Array.isArray(d)
      ? Object.entries(d).map(([k, v]) => `${k} ${String(v)}`)
      : [];
  return parts.length > 0
    ? `none: the game’s default (${parts.join(', ')})`
    : 'none: the game’s default';
}

export function RecordParamField({ param: p, path, rows, issues, onChange }: Props) {
  const id = useId();
  // A removed row's button is gone: focus goes to the row that took its place, else to Add,
  // once the rows without it have rendered.
  const root = useRef<HTMLDivElement>(null);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    const at = `[data-testid="param-${p.name}-remove-${focusRow.current}"]`;
    focusRow.current = null;
    const el =
      root.current?.querySelector<HTMLElement>(at) ??
      root.current?.querySelector<HTMLElement>(`[data-testid="param-${p.name}-add"]`);
    el?.focus();
  });
  const value = p.record!.value;
  const isInvalid = !!issues && issues.length > 0;
  // Rows an issue names are marked (every row of a repeated name; '' marks unnamed rows).
  const at = path ?? `game.params.${p.name}`;
  const badRows = new Set((issues ?? []).map((i) => recordRowOf(i, at)));
  const set = (i: number, patch: Partial<RecordEntry>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  // Names of one capital letter (resources) get a short box and the next free letter on Add.
  const isLetterKey = p.record!.keyPattern === '^[A-Z]$';
  const nextKey = () => {
    if (!isLetterKey) return '';
    const used = new Set(rows.map((r) => r.key));
    return [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((c) => !used.has(c)) ?? '';
  };
  const valueInput = (row: RecordEntry, i: number, label: string) => {
    const common = {
      'aria-label': label,
      'aria-invalid': badRows.has(row.key.trim()) || undefined,
      'data-testid': `param-${p.name}-value-${i}`,
    };
    if (value.type === 'choice')
      return (
        <select
          {...common}
          value={row.value === null ? '' : String(row.value)}
          onChange={(e) => set(i, { value: e.target.value === '' ? null : e.target.value })}
        >
          {row.value === null && <option value="">(choose)</option>}
          {(value.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    if (value.type === 'boolean')
      return (
        <input
          {...common}
          type="checkbox"
          checked={row.value === true}
          onChange={(e) => set(i, { value: e.target.checked })}
        />
      );
    if (value.type === 'text')
      return (
        <input
          {...common}
          value={typeof row.value === 'string' ? row.value : ''}
          onChange={(e) => set(i, { value: e.target.value })}
        />
      );
    return (
      <NumberInput
        testId={common['data-testid']}
        ariaLabel={label}
        isInvalid={common['aria-invalid']}
        value={typeof row.value === 'number' ? row.value : null}
        step={value.type === 'integer' ? 1 : 0.05}
        min={value.min ?? undefined}
        max={value.max ?? undefined}
        onChange={(v) => set(i, { value: v as ParamValue })}
      />
    );
  };
  return (
    <div
      ref={root}
      className={`field record-field${isInvalid ? ' invalid' : ''}`}
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={isInvalid ? `${id}-issues` : undefined}
      data-testid={`param-${p.name}`}
    >
      <span className="label" id={`${id}-label`}>
        {p.label}
      </span>
      {rows.length > 0 && (
        <table className="record-rows">
          <tbody>
            {rows.map((row, i) => {
              const name = row.key || `row ${i + 1}`;
              return (
                <tr key={i}>
                  <td>
                    <input
                      className={`record-key${isLetterKey ? ' short' : ''}`}
                      aria-label={`${p.label}: name of row ${i + 1}`}
                      aria-invalid={badRows.has(row.key.trim()) || undefined}
                      data-testid={`param-${p.name}-key-${i}`}
                      spellCheck={false}
                      value={row.key}
                      onChange={(e) => set(i, { key: e.target.value })}
                    />
                  </td>
                  <td>{valueInput(row, i, `${p.label}: ${name}`)}</td>
                  <td>
                    <button
                      type="button"
                      className="ghost"
                      aria-label={`Remove ${name} from ${p.label}`}
                      data-testid={`param-${p.name}-remove-${i}`}
                      onClick={() => {
                        onChange(rows.filter((_, j) => j !== i));
                        focusRow.current = Math.min(i, rows.length - 2);
                      }}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="record-add"
        data-testid={`param-${p.name}-add`}
        onClick={() => onChange([...rows, { key: nextKey(), value: null }])}
      >
        Add
      </button>
      {!isInvalid && p.help && <span className="hint">{p.help}</span>}
      {!isInvalid && rows.length === 0 && (
        <span className="hint" data-testid={`param-${p.name}-empty`}>
          {emptyText(p.default)}
        </span>
      )}
      {isInvalid && (
        <ul className="field-issues" id={`${id}-issues`} role="alert">
          {issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>{i.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
