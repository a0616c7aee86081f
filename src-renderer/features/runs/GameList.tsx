// A sweep's games, paged, sorted and filtered on the host (cell, outcome, round, order, model,
// parse failures, tag): a list of any length is paged in SQL, never cut. A row opens the game.
import { useEffect, useState } from 'react';
import type { GameFacets, GamesPage, GameSortKey } from '../../../src-shared/contract';
import { errorMessage } from '../../api/errors';
import { fmt } from '../../lib/format';
import { useApp, usePlatform } from '../../state/hooks';
import {
  listArgs,
  NO_FILTERS,
  OUTCOME_LABELS,
  PAGE_SIZE,
  pageLabel,
  type GameListFilters,
  type GameListSort,
  type Outcome,
} from './game-list-query';

const COLUMNS: { key: GameSortKey | null; label: string; isNumeric: boolean }[] = [
  { key: 'seed', label: 'Seed', isNumeric: true },
  { key: 'run', label: 'Run', isNumeric: true },
  { key: null, label: 'Order', isNumeric: false },
  { key: 'capability', label: 'Focal', isNumeric: false },
  { key: 'level', label: 'Level', isNumeric: true },
  { key: 'status', label: 'Status', isNumeric: false },
  { key: 'round', label: 'Deal round', isNumeric: true },
  { key: 'utility', label: 'Focal utility', isNumeric: true },
];

/** The last answer and the request it answered (a newer request shows it until it arrives). */
type PageState =
  | { key: string; state: 'ready'; page: GamesPage }
  | { key: string; state: 'error'; error: string; page: GamesPage | null };

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

function Filters({
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

export function GameList({ sweepId }: { sweepId: string }) {
  const platform = usePlatform();
  const navigate = useApp((s) => s.navigate);
  const setGameList = useApp((s) => s.setGameList);
  const [filters, setFilters] = useState<GameListFilters>(NO_FILTERS);
  const [sort, setSort] = useState<GameListSort | null>(null);
  const [offset, setOffset] = useState(0);
  const [state, setState] = useState<PageState | null>(null);
  const [facets, setFacets] = useState<GameFacets | undefined>(undefined);
  const args = listArgs(sweepId, filters, sort, offset);
  const key = JSON.stringify(args);

  useEffect(() => {
    let current = true;
    platform.api
      .invoke('games:list', JSON.parse(key) as typeof args)
      .then((page) => {
        if (!current) return;
        setState({ key, state: 'ready', page });
        if (page.facets) setFacets(page.facets);
      })
      .catch((err: unknown) => {
        if (current)
          setState((s) => ({
            key,
            state: 'error',
            error: errorMessage(err),
            page: s?.page ?? null,
          }));
      });
    return () => {
      current = false;
    };
  }, [platform, key]);

  const page = state?.page ?? null;
  const isLoading = state?.key !== key;
  const update = (f: Partial<GameListFilters>) => {
    setFilters((old) => ({ ...old, ...f }));
    setOffset(0);
  };
  const sortBy = (key: GameSortKey) => {
    setSort((s) =>
      s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' },
    );
    setOffset(0);
  };
  return (
    <section className="game-list" aria-label="Games of the sweep" data-testid="game-list">
      <Filters facets={facets} filters={filters} set={update} />
      <div className="game-list-pager">
        <span data-testid="game-list-total" aria-live="polite">
          {page ? pageLabel(offset, page.rows.length, page.total) : 'Loading games…'}
        </span>
        {isLoading && page && <span className="muted small">updating…</span>}
        <span className="spacer" />
        <button
          type="button"
          data-testid="game-list-prev"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
        >
          ← Previous
        </button>
        <button
          type="button"
          data-testid="game-list-next"
          disabled={!page || offset + PAGE_SIZE >= page.total}
          onClick={() => setOffset(offset + PAGE_SIZE)}
        >
          Next →
        </button>
      </div>
      {state?.state === 'error' && !isLoading && (
        <div className="error-box" role="alert">
          <strong>Could not load the games.</strong> {state.error}
        </div>
      )}
      {page && page.rows.length > 0 && (
        <div className="table-scroll">
          <table className="grid compact" data-testid="game-list-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.label}
                    scope="col"
                    className={c.isNumeric ? 'num' : ''}
                    aria-sort={
                      c.key && sort?.key === c.key
                        ? sort.dir === 'asc'
                          ? 'ascending'
                          : 'descending'
                        : undefined
                    }
                  >
                    {c.key ? (
                      <button
                        type="button"
                        className="sort"
                        data-testid={`game-sort-${c.key}`}
                        onClick={() => sortBy(c.key!)}
                      >
                        {c.label}
                        {sort?.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                ))}
                <th scope="col">Transcript</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((g) => (
                <tr key={g.id} data-testid="game-list-row">
                  <td className="num">{g.seed}</td>
                  <td className="num">{g.runIndex + 1}</td>
                  <td>{g.order.replace('_', ' ')}</td>
                  <td>{g.focalId}</td>
                  <td className="num">{fmt(g.competitionLevel, 2)}</td>
                  <td>
                    <span className={`pill pill-${g.status}`}>{g.status}</span>
                  </td>
                  <td className="num">
                    {g.deal === false ? 'no deal' : (g.agreementRound ?? '–')}
                  </td>
                  <td className="num">{fmt(g.focalUtility, 1)}</td>
                  <td>
                    <a
                      href={`#/transcripts/${encodeURIComponent(g.id)}`}
                      data-testid="game-list-open"
                      onClick={(e) => {
                        e.preventDefault();
                        setGameList(sweepId, page.rows);
                        navigate({ screen: 'transcripts', gameId: g.id, sweepId });
                      }}
                    >
                      open
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
