// The two games of a pair next to each other: outcome, tags and note, then every turn.
import type { Transcript } from '../../../src-shared/contract';
import { LoadState } from '../../components/Loading';
import { agentName, fmt } from '../../lib/format';
import { useApp } from '../../state/hooks';
import { TurnRow } from '../transcripts/TurnRow';
import { AnnotationEditor } from './AnnotationEditor';

function outcomeLine(t: Transcript): string {
  const o = t.outcome;
  if (!o) return `status ${t.game.status}`;
  const utilities = o.utilities.map((u, i) => `${agentName(i)} ${fmt(u, 1)}`).join(', ');
  return o.deal ? `deal in round ${o.round ?? '?'} · ${utilities}` : `no deal · ${utilities}`;
}

function Column({ side, gameId }: { side: 'a' | 'b'; gameId: string }) {
  const transcript = useApp((s) => s.pairTranscripts[side]);
  return (
    <section
      className="pair-column"
      aria-label={`Game ${side.toUpperCase()}`}
      data-testid={`pair-${side}`}
    >
      <h3>
        {side.toUpperCase()} <code className="small">{gameId.slice(0, 12)}</code>
      </h3>
      <LoadState value={transcript} what={`game ${side.toUpperCase()}`}>
        {(t) => (
          <>
            <p className="small" data-testid={`pair-${side}-outcome`}>
              {t.game.participants.map((p, i) => `${agentName(i)} ${p.label}`).join(' · ')}
              <br />
              <strong>{outcomeLine(t)}</strong>
            </p>
            <AnnotationEditor gameId={gameId} side={side} />
            <div
              className="pair-turns"
              tabIndex={0}
              aria-label={`Turns of game ${side.toUpperCase()}`}
            >
              {t.turns.map((turn) => (
                <TurnRow
                  key={turn.seq}
                  turn={turn}
                  seatLabels={t.game.participants.map((p) => p.label)}
                  query=""
                />
              ))}
            </div>
          </>
        )}
      </LoadState>
    </section>
  );
}

export function SideBySide({
  pair,
  onClose,
}: {
  pair: { a: string; b: string };
  onClose: () => void;
}) {
  return (
    <section
      className="panel side-by-side"
      aria-label="Pair side by side"
      data-testid="side-by-side"
    >
      <h2>
        Pair side by side
        <button type="button" className="link" onClick={onClose} data-testid="close-pair">
          close
        </button>
      </h2>
      <div className="pair-columns">
        <Column side="a" gameId={pair.a} />
        <Column side="b" gameId={pair.b} />
      </div>
    </section>
  );
}
