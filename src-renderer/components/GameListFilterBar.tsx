// The game list's filter form: one select per filter the host runs in SQL (cell, outcome, round,
// order, model, parse failures, tag), its options the sweep's own values (games:list facets).
import type { GameFacets } from '../../src-shared/contract';
import { fmt } from '../lib/format';
import {
  NO_FILTERS,
  OUTCOME_LABELS,
  type GameListFilters,
  type Outcome,
} from '../lib/game-list-query';

function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
}) {
  return (
    <label>
      {label}
      <select data-testid={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function any<T extends string | number>(
  label: string,
  values: readonly T[],
  show: (v: T) => string = String,
): { value: string; label: string }[] {
  return [{ value: '', label }, ...values.map((v) => ({ value: String(v), label: show(v) }))];
}

export function GameListFilterBar({
  facets,
  filters,
  set,
}: {
  facets: GameFacets | undefined;
  filters: GameListFilters;
  set: (f: Partial<GameListFilters>) => void;
}) {
  const f = facets;
  return (
    <div className="toolbar game-filters" role="group" aria-label="Filter the games">
      <Select
        id="game-filter-focal"
        label="Focal"
        value={filters.focalId}
        options={any('any', f?.focalIds ?? [])}
        onChange={(focalId) => set({ focalId })}
      />
      <Select
        id="game-filter-level"
        label="Level"
        value={filters.level}
        options={any('any', f?.levels ?? [], (v: number) => fmt(v, 2))}
        onChange={(level) => set({ level })}
      />
      <Select
        id="game-filter-outcome"
        label="Outcome"
        value={filters.outcome}
        options={(Object.keys(OUTCOME_LABELS) as Outcome[]).map((o) => ({
          value: o,
          label: OUTCOME_LABELS[o],
        }))}
        onChange={(outcome) => set({ outcome: outcome as Outcome })}
      />
      <Select
        id="game-filter-round"
        label="Deal round"
        value={filters.round}
        options={any('any', f?.rounds ?? [])}
        onChange={(round) => set({ round })}
      />
      <Select
        id="game-filter-order"
        label="Order"
        value={filters.order}
        options={any('any', f?.orders ?? [], (o: string) => o.replace('_', ' '))}
        onChange={(order) => set({ order: order as GameListFilters['order'] })}
      />
      <Select
        id="game-filter-model"
        label="Model"
        value={filters.participantId}
        options={any('any seat', f?.participantIds ?? [])}
        onChange={(participantId) => set({ participantId })}
      />
      <Select
        id="game-filter-parse"
        label="Parse failures"
        value={filters.parseFailures}
        options={[
          { value: '', label: 'either' },
          { value: 'yes', label: 'with' },
          { value: 'no', label: 'without' },
        ]}
        onChange={(v) => set({ parseFailures: v as GameListFilters['parseFailures'] })}
      />
      <Select
        id="game-filter-tag"
        label="Tag"
        value={filters.tag}
        options={any(f && f.tags.length === 0 ? 'no tags yet' : 'any', f?.tags ?? [])}
        onChange={(tag) => set({ tag })}
      />
      {Object.values(filters).some((v) => v !== '') && (
        <button type="button" data-testid="game-filter-clear" onClick={() => set(NO_FILTERS)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
