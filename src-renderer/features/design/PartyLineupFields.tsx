// A deliberation game's line-up in the designer: the baseline against the axis, or a model per
// party of the folder (lineup.mode "parties"): the focal party, whose model is the capability
// axis, and a model by role and by party name; the "other parties" row seats everyone else.
import type { GameParamView } from '../../../src-shared/contract';
import type { SweepIssue } from '../../../src-shared/sweep';
import { Field } from '../../components/Field';
import type { DesignForm, RecordEntry } from './form-model';
import { usesParties } from './party-lineup';
import { RecordParamField } from './RecordParamField';

interface Props {
  form: DesignForm;
  byField: Record<string, SweepIssue[]>;
  update: (patch: Partial<DesignForm>) => void;
}

/** A record of participant ids by name, edited like a game's record parameter. */
function modelRecord(name: string, label: string, help: string, ids: string[]): GameParamView {
  return {
    name,
    label,
    type: 'object',
    min: null,
    max: null,
    default: null,
    options: null,
    help,
    setByCompetition: false,
    record: { keyPattern: null, value: { type: 'choice', min: null, max: null, options: ids } },
  };
}

export function PartyLineupFields({ form, byField, update }: Props) {
  const isParties = usesParties(form);
  const ids = [...new Set(form.participants.map((r) => r.id))];
  const records: { key: 'byRole' | 'byParty'; param: GameParamView }[] = [
    {
      key: 'byRole',
      param: modelRecord('byRole', 'Model by role', 'a role as config.txt names it → model', ids),
    },
    {
      key: 'byParty',
      param: modelRecord('byParty', 'Model by party', 'party name → model; before its role', ids),
    },
  ];
  return (
    <div className="row-fields" data-testid="party-lineup">
      <div className="field">
        <span className="label">Line-up</span>
        <div className="segmented" role="group" aria-label="Line-up">
          <button
            type="button"
            aria-pressed={!isParties}
            data-testid="lineup-baseline"
            onClick={() => update({ lineupMode: 'baseline' })}
          >
            baseline vs axis
          </button>
          <button
            type="button"
            aria-pressed={isParties}
            data-testid="lineup-parties"
            onClick={() => update({ lineupMode: 'parties' })}
          >
            a model per party
          </button>
        </div>
      </div>
      {isParties && (
        <>
          <Field
            label="Focal party"
            hint="plays each participant on the axis"
            issues={byField['lineup.focalParty']}
          >
            {(fieldIds) => (
              <input
                id={fieldIds.id}
                aria-invalid={fieldIds.isInvalid || undefined}
                aria-describedby={fieldIds.describedBy}
                data-testid="field-focalParty"
                spellCheck={false}
                placeholder="a party of the folder"
                value={form.focalParty}
                onChange={(e) => update({ focalParty: e.target.value })}
              />
            )}
          </Field>
          {records.map(({ key, param }) => (
            <RecordParamField
              key={key}
              param={param}
              path={`lineup.${key}`}
              rows={form[key]}
              issues={byField[`lineup.${key}`]}
              onChange={(rows: RecordEntry[]) => update({ [key]: rows })}
            />
          ))}
        </>
      )}
    </div>
  );
}
