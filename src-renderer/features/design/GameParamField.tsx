// One game parameter of the designer, as games:catalog describes it (from the game's own zod
// schema): a number, a choice, text or yes/no. An optional parameter left empty is left out of
// the sweep document, so the game's default applies; the field says what that default is.
import type { GameParamView } from '../../../src-shared/contract';
import type { SweepIssue } from '../../../src-shared/sweep';
import { Field, NumberInput } from '../../components/Field';
import type { ParamValue } from './form-model';

interface Props {
  param: GameParamView;
  /** The form's value; undefined when the parameter is left to the game's default. */
  value: ParamValue | undefined;
  issues: readonly SweepIssue[] | undefined;
  /** undefined leaves the parameter out (the game's default). */
  onChange: (value: ParamValue | undefined) => void;
}

/** What an empty field means, in words: the schema's default, else the game's own rule. */
function defaultText(p: GameParamView): string {
  if (p.default === null) return 'default';
  return typeof p.default === 'boolean' ? (p.default ? 'yes' : 'no') : String(p.default);
}

export function GameParamField({ param: p, value, issues, onChange }: Props) {
  const testId = `param-${p.name}`;
  return (
    <Field label={p.label} hint={p.help ?? undefined} issues={issues} wide={p.type === 'text'}>
      {(ids) => {
        const common = {
          id: ids.id,
          'aria-invalid': ids.isInvalid || undefined,
          'aria-describedby': ids.describedBy,
          'data-testid': testId,
          title: p.default === null ? 'Leave empty for the game’s default' : undefined,
        };
        if (p.type === 'choice') {
          return (
            <select
              {...common}
              value={value === undefined ? '' : String(value)}
              onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
            >
              {(p.default === null || value === undefined) && (
                <option value="">({defaultText(p)})</option>
              )}
              {(p.options ?? []).map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          );
        }
        if (p.type === 'boolean') {
          return (
            <input
              {...common}
              type="checkbox"
              checked={value === undefined ? p.default === true : value === true}
              onChange={(e) => onChange(e.target.checked)}
            />
          );
        }
        if (p.type === 'text') {
          return (
            <input
              {...common}
              type="text"
              spellCheck={false}
              placeholder={defaultText(p)}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
            />
          );
        }
        return (
          <NumberInput
            {...ids}
            testId={testId}
            value={typeof value === 'number' ? value : null}
            placeholder={defaultText(p)}
            step={p.type === 'integer' ? 1 : 0.05}
            min={p.min ?? undefined}
            max={p.max ?? undefined}
            // Emptied: left out, so the game's default applies (the placeholder says which).
            onChange={(v) => onChange(Number.isNaN(v) ? undefined : v)}
          />
        );
      }}
    </Field>
  );
}
