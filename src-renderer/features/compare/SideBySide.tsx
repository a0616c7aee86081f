// The two games of a pair next to each other: outcome, tags and note, then every turn.
import { useState } from 'react';
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

function Column({
  side,
  gameId,
  isSetupShown,
}: {
  side: 'a' | 'b';
  gameId: string;
  isSetupShown: boolean;
}) {
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
              {t.turns
                .filter((turn) => isSetupShown || turn.phase !== 'setup')
                .map((turn) => (
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
  // The setup prompts repeat the rules and fill the first screen; they are one click away.
  const [isSetupShown, setSetupShown] = useState(false);
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
        <button
          type="button"
          className="link"
          aria-pressed={isSetupShown}
          data-testid="toggle-setup"
          onClick={() => setSetupShown((v) => !v)}
        >
          {isSetupShown ? 'hide setup prompts' : 'show setup prompts'}
        </button>
      </h2>
      <div className="pair-columns">
        <Column side="a" gameId={pair.a} isSetupShown={isSetupShown} />
        <Column side="b" gameId={pair.b} isSetupShown={isSetupShown} />
      </div>
    </section>
  );
}
