// Form fields with their validation messages at the field (aria-invalid + aria-describedby).
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { SweepIssue } from '../../src-shared/sweep';

export function FieldIssues({
  id,
  issues,
  showPath = true,
}: {
  id: string;
  issues: readonly SweepIssue[] | undefined;
  /** Off where the issue is shown at its own field (the path would only repeat it). */
  showPath?: boolean;
}) {
  if (!issues || issues.length === 0) return null;
  return (
    <ul className="field-issues" id={id} role="alert">
      {issues.map((i) => (
        <li key={`${i.path}:${i.message}`}>
          {showPath && i.path && !i.path.startsWith('(') ? <code>{i.path}</code> : null} {i.message}
        </li>
      ))}
    </ul>
  );
}

/** A labelled field; `children` receives the ids that tie the input to its label and issues. */
export function Field({
  label,
  hint,
  issues,
  children,
  wide,
}: {
  label: string;
  hint?: string;
  issues?: readonly SweepIssue[];
  wide?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; isInvalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const issuesId = `${id}-issues`;
  const isInvalid = !!issues && issues.length > 0;
  return (
    <div className={`field${wide ? ' wide' : ''}${isInvalid ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: isInvalid ? issuesId : undefined, isInvalid })}
      {hint && !isInvalid && <span className="hint">{hint}</span>}
      <FieldIssues id={issuesId} issues={issues} showPath={false} />
    </div>
  );
}

/**
 * A number input that keeps what the user types (e.g. "0." or "") while passing parsed values
 * up; an unparsable entry is passed as NaN so validation can name the field.
 */
export function NumberInput({
  value,
  onChange,
  step,
  min,
  max,
  id,
  describedBy,
  isInvalid,
  testId,
  ariaLabel,
  placeholder,
}: {
  value: number | null;
  onChange: (v: number) => void;
  step?: number;
  min?: number;
  max?: number;
  id?: string;
  describedBy?: string;
  isInvalid?: boolean;
  testId?: string;
  ariaLabel?: string;
  /** Shown while empty, e.g. the default an empty field stands for. */
  placeholder?: string;
}) {
  const shown = value === null || Number.isNaN(value) ? '' : String(value);
  const [text, setText] = useState(shown);
  const [lastValue, setLastValue] = useState(value);
  // Object.is: an emptied field holds NaN, and NaN !== NaN would re-render forever.
  if (!Object.is(value, lastValue)) {
    // The form changed from outside (e.g. a loaded file): show the new value.
    setLastValue(value);
    if (Number(text) !== value) setText(shown);
  }
  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      step={step}
      min={min}
      max={max}
      value={text}
      aria-invalid={isInvalid || undefined}
      aria-describedby={describedBy}
      aria-label={ariaLabel}
      placeholder={placeholder}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        const n = e.target.value.trim() === '' ? Number.NaN : Number(e.target.value);
        setLastValue(n);
        onChange(n);
      }}
    />
  );
}
