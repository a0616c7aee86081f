// One deliberation turn: who spoke (party, role), the private scratchpad and plan (marked
// private), the public answer, and the deal it proposed with every party's score of it.
import { useState, type ReactNode } from 'react';
import type { DeliberationView } from '../../../../src-shared/contract';
import { PHASE_COLORS } from '../../../theme';
import { DealScores } from './DealScores';
import type { DeliberationTurn, ReplyView } from './deliberation-turns';

/** An answer's text with each <DEAL>...</DEAL> shown as the deal itself, marked up. */
export function answerText(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const m of text.matchAll(/<DEAL>([\s\S]*?)<\/DEAL>/g)) {
    if (m.index > from) parts.push(text.slice(from, m.index));
    parts.push(
      <code key={m.index} className="delib-inline-deal">
        {m[1].trim()}
      </code>,
    );
    from = m.index + m[0].length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** Notes longer than this are folded to their first lines until unfolded. */
const FOLD_CHARS = 360;

function PrivateNote({ label, text }: { label: string; text: string }) {
  const [isOpen, setOpen] = useState(false);
  const isFolded = text.length > FOLD_CHARS && !isOpen;
  return (
    <div className="delib-note private" data-testid={`note-${label}`}>
      <span className="private-tag" title="Only this party saw this">
        private
      </span>{' '}
      <span className="delib-note-label">{label}</span>
      {text.length > FOLD_CHARS && (
        <button type="button" className="link-button delib-fold" onClick={() => setOpen(!isOpen)}>
          {isOpen ? 'fold' : `show all (${text.split('\n').length} lines)`}
        </button>
      )}
      <div className={`text${isFolded ? ' delib-folded' : ''}`}>{text}</div>
    </div>
  );
}

function Reply({ reply, showPrivate }: { reply: ReplyView; showPrivate: boolean }) {
  const { turn } = reply;
  const failed = turn.status !== 'ok';
  return (
    <>
      {(failed || turn.attempt > 0) && (
        <div className="delib-attempt">
          <span className={`status-tag status-${turn.status}`} title={turn.error ?? undefined}>
            {failed ? turn.status.replace('_', ' ') : 'ok'} · attempt {turn.attempt + 1}
          </span>
          {turn.error && <span className="turn-error"> {turn.error}</span>}
        </div>
      )}
      {showPrivate && failed && <PrivateNote label="raw reply" text={turn.text} />}
      {showPrivate && reply.scratchpad && (
        <PrivateNote label="scratchpad" text={reply.scratchpad} />
      )}
    </>
  );
}

export function DeliberationTurnCard({
  entry,
  view,
  seatLabels,
  showPrivate,
  isTarget = false,
}: {
  entry: DeliberationTurn;
  view: DeliberationView;
  seatLabels: string[];
  showPrivate: boolean;
  /** The turn the schedule strip jumped to. */
  isTarget?: boolean;
}) {
  const party = view.parties[entry.seat];
  const last = view.schedule.length;
  const kind = entry.turn === 1 ? 'opening deal' : entry.turn === last ? 'final deal' : null;
  const plan = [...entry.replies].reverse().find((r) => r.plan !== null)?.plan ?? null;
  return (
    <article
      className={`turn delib-turn${isTarget ? ' target' : ''}`}
      aria-current={isTarget ? 'true' : undefined}
      style={{ borderLeftColor: PHASE_COLORS.answer }}
      id={`delib-turn-${entry.turn}`}
      data-testid="delib-turn"
      data-turn={entry.turn}
      aria-label={`Turn ${entry.turn}, ${party?.name ?? `seat ${entry.seat}`}`}
    >
      <header>
        <span className="delib-turn-no">Turn {entry.turn}</span>
        <span className="speaker">{party?.name ?? `seat ${entry.seat}`}</span>
        {party && <span className={`pill pill-role-${party.role}`}>{party.role}</span>}
        <span className="muted seat">{seatLabels[entry.seat]}</span>
        {kind && <span className="pill pill-focal">{kind}</span>}
        {entry.answer && <span className="seq muted">#{entry.answer.seq}</span>}
      </header>
      {entry.replies.map((r) => (
        <Reply key={r.turn.seq} reply={r} showPrivate={showPrivate} />
      ))}
      {entry.answer ? (
        <div className="delib-answer" data-testid="answer">
          <span className="delib-public-tag">public answer</span>
          <div className="text">{answerText(entry.answer.text)}</div>
        </div>
      ) : (
        <p className="muted small">No public answer recorded for this turn.</p>
      )}
      {entry.deal ? (
        <DealScores deal={entry.deal} view={view} />
      ) : (
        entry.answer && <p className="turn-error">No valid deal in this answer.</p>
      )}
      {showPrivate && plan && <PrivateNote label="plan" text={plan} />}
    </article>
  );
}
