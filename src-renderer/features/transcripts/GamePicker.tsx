// The reader without a game: a sweep's games, paged by the host (100 at a time) and filtered by
// status and outcome, with how many there are.
import { useEffect } from 'react';
import type { GameSummary } from '../../../src-shared/contract';
import { GAME_STATUSES } from '../../../src-shared/planned-game';
import { EmptyState } from '../../components/EmptyState';
import { LoadState } from '../../components/Loading';
import { fmt } from '../../lib/format';
import { useApp } from '../../state/hooks';
import { PickerHead } from './PickerHead';
import type { GameListFilters } from './transcript-slice';
import { GAME_PAGE } from './transcript-slice';

const OUTCOMES = { any: null, deal: true, 'no deal': false } as const;

export function GamePicker({ sweepId }: { sweepId: string | null }) {
  const sweeps = useApp((s) => s.sweeps);
  const gameList = useApp((s) => s.gameList);
  const total = useApp((s) => s.gameListTotal);
  const offset = useApp((s) => s.gameListOffset);
  const filters = useApp((s) => s.gameListFilters);
  const isCell = useApp((s) => s.gameListIsCell);
  const loadGameList = useApp((s) => s.loadGameList);
  const navigate = useApp((s) => s.navigate);
  const list = sweeps.state === 'ready' ? sweeps.value : [];
  const chosen = sweepId ?? list.at(-1)?.id ?? null;

  useEffect(() => {
    if (!sweepId && chosen)
      navigate({ screen: 'transcripts', gameId: null, sweepId: chosen }, { replace: true });
  }, [sweepId, chosen, navigate]);

  if (sweeps.state === 'ready' && list.length === 0) return <EmptyState />;
  const filter = (patch: Partial<GameListFilters>) =>
    chosen && void loadGameList(chosen, 0, { ...filters, ...patch });
  const page = (to: number) => chosen && void loadGameList(chosen, to, filters);
  const shown = gameList.state === 'ready' ? gameList.value.length : 0;
  return (
    <section className="picker" aria-label="Pick a game">
      <PickerHead sweepId={chosen} view="games" />
      <div className="picker-filters" role="group" aria-label="Game filters">
        <label>
          Status{' '}
          <select
            data-testid="filter-status"
            value={filters.status ?? ''}
            onChange={(e) =>
              filter({
                status:
                  e.target.value === '' ? null : (e.target.value as GameListFilters['status']),
              })
            }
          >
            <option value="">any</option>
            {GAME_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome{' '}
          <select
            data-testid="filter-outcome"
            value={filters.deal === null ? 'any' : filters.deal ? 'deal' : 'no deal'}
            onChange={(e) => filter({ deal: OUTCOMES[e.target.value as keyof typeof OUTCOMES] })}
          >
            {Object.keys(OUTCOMES).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="games-total" aria-live="polite">
          {isCell
            ? `${total} games of the results cell`
            : total === 0
              ? 'no game matches'
              : `games ${offset + 1}–${offset + shown} of ${total.toLocaleString('en-US')}`}
        </span>
      </div>
      <LoadState value={gameList} what="the games">
        {(games) => (
          <>
            <GameTable games={games} sweepId={chosen} />
            {total > GAME_PAGE && (
              <nav className="picker-pages" aria-label="Pages of games">
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => page(Math.max(0, offset - GAME_PAGE))}
                  data-testid="page-prev"
                >
                  ‹ previous {GAME_PAGE}
                </button>
                <span className="muted">
                  page {Math.floor(offset / GAME_PAGE) + 1} of {Math.ceil(total / GAME_PAGE)}
                </span>
                <button
                  type="button"
                  disabled={offset + GAME_PAGE >= total}
                  onClick={() => page(offset + GAME_PAGE)}
                  data-testid="page-next"
                >
                  next {GAME_PAGE} ›
                </button>
              </nav>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}

function GameTable({ games, sweepId }: { games: GameSummary[]; sweepId: string | null }) {
  const navigate = useApp((s) => s.navigate);
  return (
    <table className="grid" data-testid="game-picker">
      <thead>
        <tr>
          <th>Status</th>
          <th>Seats</th>
          <th className="num">Competition</th>
          <th className="num">Run</th>
          <th>Deal</th>
          <th className="num">Focal utility</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {games.map((g) => (
          <tr key={g.id}>
            <td>
              <span className={`pill pill-${g.status}`}>{g.status}</span>
            </td>
            <td>{g.participants.map((p) => p.label).join(' vs ')}</td>
            <td className="num">{fmt(g.competitionLevel, 2)}</td>
            <td className="num">{g.runIndex + 1}</td>
            <td>{g.deal === null ? '–' : g.deal ? `round ${g.agreementRound}` : 'no'}</td>
            <td className="num">{fmt(g.focalUtility, 1)}</td>
            <td>
              <a
                href={`#/transcripts/${encodeURIComponent(g.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ screen: 'transcripts', gameId: g.id, sweepId });
                }}
              >
                read
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
