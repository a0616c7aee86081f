// The competition axis: levels in [0, 1], for the treaty game a rho x theta grid, or with a model
// per party the focal party's incentives. Each list is preset values as toggles plus custom
// values, each removable.
import { useState } from 'react';
import type { SweepIssue } from '../../../src-shared/sweep';
import { FieldIssues, NumberInput } from '../../components/Field';
import type { DesignForm } from './form-model';
import { LEVEL_PRESETS, RHO_PRESETS, THETA_PRESETS, usesGrid, usesIncentives } from './form-model';
import { usesParties } from './party-lineup';

interface ChipsProps {
  label: string;
  name: string;
  presets: number[];
  values: number[];
  min: number;
  max: number;
  /** First value offered in the custom field. */
  initial: number;
  onChange: (values: number[]) => void;
}

function ValueChips({ label, name, presets, values, min, max, initial, onChange }: ChipsProps) {
  const [custom, setCustom] = useState(initial);
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const toggle = (v: number) =>
    onChange(
      sorted.includes(v) ? sorted.filter((x) => x !== v) : [...sorted, v].sort((a, b) => a - b),
    );
  const isCustomOk = custom >= min && custom <= max && !sorted.includes(custom);
  return (
    <div className="chips" role="group" aria-label={label}>
      <span className="chips-label">{label}</span>
      {presets.map((v) => (
        <button
          key={v}
          type="button"
          className="chip"
          aria-pressed={sorted.includes(v)}
          data-testid={`${name}-${v}`}
          onClick={() => toggle(v)}
        >
          {v}
        </button>
      ))}
      {sorted
        .filter((v) => !presets.includes(v))
        .map((v) => (
          <button
            key={v}
            type="button"
            className="chip"
            aria-pressed="true"
            title="Remove this value"
            onClick={() => toggle(v)}
          >
            {v} ×
          </button>
        ))}
      <span className="inline-edit">
        <NumberInput
          ariaLabel={`Custom ${label}`}
          value={custom}
          step={0.05}
          min={min}
          max={max}
          onChange={setCustom}
        />
        <button type="button" disabled={!isCustomOk} onClick={() => toggle(custom)}>
          Add
        </button>
      </span>
    </div>
  );
}

/** The focal party's incentives as toggles, in the game's order (games:catalog). */
function IncentiveChips({
  options,
  values,
  onChange,
}: {
  options: readonly string[];
  values: readonly string[];
  onChange: (values: string[]) => void;
}) {
  const label = 'incentives of the focal party (one row of the heatmap each)';
  return (
    <div className="chips" role="group" aria-label={label}>
      <span className="chips-label">{label}</span>
      {options.map((o) => (
        <button
          key={o}
          type="button"
          className="chip"
          aria-pressed={values.includes(o)}
          data-testid={`incentive-${o}`}
          onClick={() =>
            onChange(options.filter((x) => (x === o ? !values.includes(o) : values.includes(x))))
          }
        >
          {o}
        </button>
      ))}
    </div>
  );
}

export function LevelsField({
  form,
  hasAxis,
  incentiveOptions,
  issues,
  update,
}: {
  form: DesignForm;
  /** False for a game whose parameters no competition level changes (games:catalog). */
  hasAxis: boolean;
  /** The incentives a party plays (the game's incentives parameter), null for other games. */
  incentiveOptions: readonly string[] | null;
  issues: readonly SweepIssue[] | undefined;
  update: (patch: Partial<DesignForm>) => void;
}) {
  const canGrid = form.kind === 'treaty';
  const isGrid = usesGrid(form);
  const canIncentives = usesParties(form) && incentiveOptions !== null;
  const isIncentives = canIncentives && usesIncentives(form);
  return (
    <div className="field wide" data-testid="levels">
      <span className="label">Competition axis</span>
      {canIncentives && (
        <div className="segmented" role="group" aria-label="Competition axis">
          <button
            type="button"
            aria-pressed={!isIncentives}
            onClick={() => update({ competitionMode: 'levels' })}
          >
            levels 0–1
          </button>
          <button
            type="button"
            aria-pressed={isIncentives}
            data-testid="mode-incentives"
            onClick={() => update({ competitionMode: 'incentives' })}
          >
            focal party’s incentive
          </button>
        </div>
      )}
      {canGrid && (
        <div className="segmented" role="group" aria-label="Competition axis">
          <button
            type="button"
            aria-pressed={!isGrid}
            onClick={() => update({ competitionMode: 'levels' })}
          >
            levels 0–1
          </button>
          <button
            type="button"
            aria-pressed={isGrid}
            data-testid="mode-rho-theta"
            onClick={() => update({ competitionMode: 'rhoTheta' })}
          >
            ρ × θ grid
          </button>
        </div>
      )}
      {isIncentives ? (
        <IncentiveChips
          options={incentiveOptions!}
          values={form.incentives}
          onChange={(incentives) => update({ incentives })}
        />
      ) : isGrid ? (
        <>
          <ValueChips
            label="ρ (position correlation)"
            name="rho"
            presets={RHO_PRESETS}
            values={form.rho}
            min={-1}
            max={1}
            initial={0.25}
            onChange={(rho) => update({ rho })}
          />
          <ValueChips
            label="θ (weight similarity)"
            name="theta"
            presets={THETA_PRESETS}
            values={form.theta}
            min={0}
            max={1}
            initial={0.9}
            onChange={(theta) => update({ theta })}
          />
          <span className="hint">
            Each (ρ, θ) pair is one row of the heatmap; its competition index is θ(1 − ρ)/2.
          </span>
        </>
      ) : (
        <ValueChips
          label="levels (0 = cooperative, 1 = zero-sum)"
          name="level"
          presets={LEVEL_PRESETS}
          values={form.levels}
          min={0}
          max={1}
          initial={0.9}
          onChange={(levels) => update({ levels })}
        />
      )}
      {!hasAxis && !isIncentives && (
        <span className="hint" data-testid="no-axis">
          This game has no competition axis: every level plays the same game, so one level is
          enough.
        </span>
      )}
      <FieldIssues id="levels-issues" issues={issues} showPath={false} />
    </div>
  );
}
