// The reader without a game: pick a sweep, then a game (finished ones first).
import { useEffect } from 'react';
import type { GameSummary } from '../../../src-shared/contract';
import { EmptyState } from '../../components/EmptyState';
import { LoadState } from '../../components/Loading';
import { fmt } from '../../lib/format';
import { useApp } from '../../state/hooks';

const SHOWN = 500;
const RANK: Record<GameSummary['status'], number> = {
  finished: 0,
  running: 1,
  failed: 2,
  paused: 3,
  queued: 4,
  cancelled: 5,
};

export function GamePicker({ sweepId }: { sweepId: string | null }) {
  const sweeps = useApp((s) => s.sweeps);
  const gameList = useApp((s) => s.gameList);
  const navigate = useApp((s) => s.navigate);
  const list = sweeps.state === 'ready' ? sweeps.value : [];
  const chosen = sweepId ?? list.at(-1)?.id ?? null;

  useEffect(() => {
    if (!sweepId && chosen) navigate({ screen: 'transcripts', gameId: null, sweepId: chosen });
  }, [sweepId, chosen, navigate]);

  if (sweeps.state === 'ready' && list.length === 0) return <EmptyState />;
  return (
    <section className="picker" aria-label="Pick a game">
      <div className="screen-head">
        <h1>Transcripts</h1>
        <label>
          Sweep{' '}
          <select
            value={chosen ?? ''}
            onChange={(e) =>
              navigate({ screen: 'transcripts', gameId: null, sweepId: e.target.value })
            }
          >
            {list.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">
        Open a game to read it round by round. Tip: in Results, click a heatmap cell to list just
        that cell’s games.
      </p>
      <LoadState value={gameList} what="the games">
        {(games) => {
          const sorted = [...games].sort(
            (a, b) =>
              RANK[a.status] - RANK[b.status] ||
              a.competitionLevel - b.competitionLevel ||
              (a.focalCapability ?? 0) - (b.focalCapability ?? 0) ||
              a.runIndex - b.runIndex,
          );
          return (
            <>
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
                  {sorted.slice(0, SHOWN).map((g) => (
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
                            navigate({ screen: 'transcripts', gameId: g.id, sweepId: chosen });
                          }}
                        >
                          read
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {sorted.length > SHOWN && (
                <p className="muted">
                  Showing {SHOWN} of {sorted.length} games; use Results to narrow down to a cell.
                </p>
              )}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
