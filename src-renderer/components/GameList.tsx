// A sweep's games, paged, sorted and filtered on the host (cell, outcome, round, order, model,
// parse failures, tag): a list of any length is paged in SQL, never cut. A row opens the game.
// Used by the Runs screen and the Transcripts screen's picker. Keyboard: Tab reaches the filters,
// the pager, the sort buttons and then the table once (the current row); ↑/↓ (Home/End) move
// between rows, Enter opens the row's game, PageDown/PageUp turn the page.
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { GameFacets, GamesPage, GameSortKey, GameSummary } from '../../src-shared/contract';
import { errorMessage } from '../api/errors';
import { fmt } from '../lib/format';
import { useApp, usePlatform } from '../state/hooks';
import { GameListFilterBar } from './GameListFilterBar';
import {
  FIRST_PAGE,
  listArgs,
  PAGE_SIZE,
  pageLabel,
  type GameListFilters,
  type GameListQuery,
} from '../lib/game-list-query';

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
  | { key: string; state: 'ready'; page: GamesPage; query: GameListQuery }
  | { key: string; state: 'error'; error: string; page: GamesPage | null; query: GameListQuery };

interface Props {
  sweepId: string;
  /** The page to show, when the caller keeps it (the picker does, for the way back). */
  query?: GameListQuery;
  onQueryChange?: (query: GameListQuery) => void;
}

function rowLabel(g: GameSummary): string {
  const deal =
    g.deal === null ? g.status : g.deal ? `deal in round ${g.agreementRound}` : 'no deal';
  return `Game seed ${g.seed}, run ${g.runIndex + 1}, focal ${g.focalId}, level ${fmt(g.competitionLevel, 2)}, ${deal}`;
}

export function GameList({ sweepId, query: controlled, onQueryChange }: Props) {
  const platform = usePlatform();
  const navigate = useApp((s) => s.navigate);
  const setGameListPage = useApp((s) => s.setGameListPage);
  const [own, setOwn] = useState<GameListQuery>(FIRST_PAGE);
  const query = controlled ?? own;
  const setQuery = (q: GameListQuery) => (onQueryChange ? onQueryChange(q) : setOwn(q));
  const { filters, sort, offset } = query;
  const [state, setState] = useState<PageState | null>(null);
  const [facets, setFacets] = useState<GameFacets | undefined>(undefined);
  const [active, setActive] = useState(0);
  const tbody = useRef<HTMLTableSectionElement>(null);
  /** Which row takes the focus once the next page arrives (after PageDown/PageUp). */
  const focusOnArrival = useRef<'first' | 'last' | null>(null);
  const args = listArgs(sweepId, filters, sort, offset);
  const key = JSON.stringify({ args, query });

  useEffect(() => {
    let current = true;
    const requested = JSON.parse(key) as { args: typeof args; query: GameListQuery };
    platform.api
      .invoke('games:list', requested.args)
      .then((page) => {
        if (!current) return;
        setState({ key, state: 'ready', page, query: requested.query });
        if (page.facets) setFacets(page.facets);
      })
      .catch((err: unknown) => {
        if (current)
          setState((s) => ({
            key,
            state: 'error',
            error: errorMessage(err),
            page: s?.page ?? null,
            query: s?.query ?? requested.query,
          }));
      });
    return () => {
      current = false;
    };
  }, [platform, key]);

  const page = state?.page ?? null;
  /** The first index of the page on screen (the one asked for may still be on its way). */
  const shownOffset = state?.query.offset ?? 0;
  const isLoading = state?.key !== key;
  const rows = page?.rows ?? [];
  const current = Math.min(active, Math.max(0, rows.length - 1));
  useEffect(() => {
    const to = focusOnArrival.current;
    if (to === null || isLoading || !page) return;
    focusOnArrival.current = null;
    const i = to === 'first' ? 0 : page.rows.length - 1;
    setActive(i);
    tbody.current?.querySelectorAll<HTMLElement>('tr')[i]?.focus();
  }, [isLoading, page]);

  const update = (f: Partial<GameListFilters>) => {
    setQuery({ filters: { ...filters, ...f }, sort, offset: 0 });
    setActive(0);
  };
  /** Ascending, descending, then back to the planned order. */
  const sortBy = (k: GameSortKey) => {
    const next: GameListQuery['sort'] =
      sort?.key !== k
        ? { key: k, dir: 'asc' }
        : sort.dir === 'asc'
          ? { key: k, dir: 'desc' }
          : null;
    setQuery({ filters, sort: next, offset: 0 });
    setActive(0);
  };
  const hasPrev = offset > 0;
  const hasNext = !!page && offset + PAGE_SIZE < page.total;
  const turn = (direction: 1 | -1) => {
    setQuery({ filters, sort, offset: Math.max(0, offset + direction * PAGE_SIZE) });
    setActive(0);
  };
  const open = (g: GameSummary) => {
    if (state?.page) setGameListPage(sweepId, state.query, state.page);
    navigate({ screen: 'transcripts', gameId: g.id, sweepId });
  };
  const focusRow = (i: number) => {
    setActive(i);
    tbody.current?.querySelectorAll<HTMLElement>('tr')[i]?.focus();
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number) => {
    if (e.target !== e.currentTarget) return;
    const last = rows.length - 1;
    if (e.key === 'ArrowDown') focusRow(Math.min(last, i + 1));
    else if (e.key === 'ArrowUp') focusRow(Math.max(0, i - 1));
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(last);
    else if (e.key === 'Enter' || e.key === ' ') open(rows[i]);
    else if (e.key === 'PageDown' && hasNext) {
      focusOnArrival.current = 'first';
      turn(1);
    } else if (e.key === 'PageUp' && hasPrev) {
      focusOnArrival.current = 'last';
      turn(-1);
    } else return;
    e.preventDefault();
  };
  return (
    <section
      className="game-list"
      aria-label="Games of the sweep"
      aria-busy={isLoading}
      data-testid="game-list"
    >
      <GameListFilterBar facets={facets} filters={filters} set={update} />
      <div className="game-list-pager">
        <span data-testid="game-list-total" aria-live="polite">
          {page ? pageLabel(shownOffset, page.rows.length, page.total) : 'Loading games…'}
        </span>
        {isLoading && page && <span className="muted small">updating…</span>}
        <span className="spacer" />
        <span className="muted small key-hint" id={`game-list-keys-${sweepId}`}>
          ↑↓ move · Enter opens · PgUp/PgDn page
        </span>
        <button
          type="button"
          data-testid="game-list-prev"
          disabled={!hasPrev}
          onClick={() => turn(-1)}
        >
          ← Previous
        </button>
        <button
          type="button"
          data-testid="game-list-next"
          disabled={!hasNext}
          onClick={() => turn(1)}
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
          <table
            className="grid compact game-table"
            data-testid="game-list-table"
            aria-describedby={`game-list-keys-${sweepId}`}
            aria-rowcount={page.total + 1}
          >
            <thead>
              <tr aria-rowindex={1}>
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
            <tbody ref={tbody}>
              {page.rows.map((g, i) => (
                <tr
                  key={g.id}
                  data-testid="game-list-row"
                  data-game={g.id}
                  aria-rowindex={shownOffset + i + 2}
                  aria-label={rowLabel(g)}
                  tabIndex={i === current ? 0 : -1}
                  onFocus={() => setActive(i)}
                  onKeyDown={(e) => onRowKey(e, i)}
                  onClick={(e) => {
                    if ((e.target as HTMLElement).closest('a')) return;
                    open(g);
                  }}
                >
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
                      tabIndex={-1}
                      onClick={(e) => {
                        e.preventDefault();
                        open(g);
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
