// The reader's head: what game this is, the way back to its sweep's games, and the previous and
// next game of the list ([ and ]).
import type { Transcript } from '../../../src-shared/contract';
import { fmt } from '../../lib/format';
import { useGameTitle } from '../design/use-game-title';
import { useApp } from '../../state/hooks';

export function ReaderHeader({
  transcript,
  sweepId,
  position,
  onStep,
}: {
  transcript: Transcript;
  /** The sweep the reader was opened from (the route's), else the game's first sweep. */
  sweepId: string | null;
  /** Index of this game in the whole list (over every page), or null when not in it. */
  position: { index: number; total: number } | null;
  onStep: (direction: 1 | -1) => void;
}) {
  const navigate = useApp((s) => s.navigate);
  const gameTitle = useGameTitle();
  const { game, outcome, sweeps, competitionLabel } = transcript;
  const back = sweeps.find((s) => s.id === sweepId) ?? sweeps[0] ?? null;
  const backHref = back ? `#/transcripts?sweep=${encodeURIComponent(back.id)}` : '#/transcripts';
  return (
    <header className="reader-head">
      <div className="reader-title">
        <a
          className="back-link"
          data-testid="back-to-games"
          href={backHref}
          onClick={(e) => {
            e.preventDefault();
            navigate({ screen: 'transcripts', gameId: null, sweepId: back?.id ?? null });
          }}
        >
          ← {back ? `Games of ${back.name}` : 'All games'}
        </a>
        <h1>
          {gameTitle(game.kind)} · {game.participants.map((p) => p.label).join(' vs ')}
        </h1>
        <div className="muted" data-testid="reader-facts">
          <span data-testid="reader-level">
            {competitionLabel
              ? `${competitionLabel.title}: ${competitionLabel.label}`
              : `competition ${fmt(game.competitionLevel, 2)}`}
          </span>{' '}
          · seed {game.seed} · run {game.runIndex + 1} · {game.order.replace('_', ' ')} ·{' '}
          <span className={`pill pill-${game.status}`} data-testid="game-status">
            {game.status}
          </span>{' '}
          {outcome ? (outcome.deal ? `deal in round ${outcome.round}` : 'no deal') : ''}
          {game.error ? <span className="bad"> · {game.error}</span> : null}
        </div>
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={!position || position.index <= 0}
          onClick={() => onStep(-1)}
          title="Previous game ( [ )"
        >
          ‹ prev
        </button>
        <span className="muted" data-testid="game-position">
          {position
            ? `game ${(position.index + 1).toLocaleString('en-US')} of ${position.total.toLocaleString('en-US')}`
            : ''}
        </span>
        <button
          type="button"
          disabled={!position || position.index >= position.total - 1}
          onClick={() => onStep(1)}
          title="Next game ( ] )"
        >
          next ›
        </button>
      </div>
    </header>
  );
}
