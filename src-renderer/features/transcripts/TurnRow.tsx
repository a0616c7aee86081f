// One transcript entry: phase colour, speaker, private marking, status, and the text with the
// search matches highlighted.
import type { ReactNode } from 'react';
import type { TurnView } from '../../../src-shared/contract';
import { agentName } from '../../lib/format';
import { PHASE_COLORS } from '../../theme';

function highlight(text: string, query: string): ReactNode {
  const q = query.trim();
  if (!q) return text;
  const lower = text.toLowerCase();
  const needle = q.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(<mark key={at}>{text.slice(at, at + q.length)}</mark>);
    from = at + q.length;
  }
  parts.push(text.slice(from));
  return parts;
}

export function TurnRow({
  turn,
  seatLabels,
  query,
}: {
  turn: TurnView;
  seatLabels: string[];
  query: string;
}) {
  const isPrivate = turn.visibility === 'private';
  const speaker = turn.agent < 0 ? 'Moderator' : agentName(turn.agent);
  const seat = turn.agent >= 0 ? seatLabels[turn.agent] : null;
  const label =
    turn.phase === 'discussion'
      ? `discussion · pass ${turn.pass + 1}`
      : turn.attempt > 0
        ? `${turn.phase} · attempt ${turn.attempt + 1}`
        : turn.phase;
  return (
    <article
      className={`turn ${isPrivate ? 'private' : 'public'}${turn.agent < 0 ? ' moderator' : ''}`}
      style={{ borderLeftColor: PHASE_COLORS[turn.phase] }}
      data-testid="turn"
      data-phase={turn.phase}
      data-visibility={turn.visibility}
      aria-label={`${speaker}, ${turn.phase}, ${turn.visibility}`}
    >
      <header>
        <span className="speaker">{speaker}</span>
        {seat && <span className="muted seat">{seat}</span>}
        <span
          className="phase-tag"
          style={{ color: PHASE_COLORS[turn.phase], borderColor: PHASE_COLORS[turn.phase] }}
        >
          {label}
        </span>
        {isPrivate && (
          <span className="private-tag" title="Only this agent saw this">
            private
          </span>
        )}
        {turn.status !== 'ok' && (
          <span className={`status-tag status-${turn.status}`} title={turn.error ?? undefined}>
            {turn.status.replace('_', ' ')}
          </span>
        )}
        <span className="seq muted">#{turn.seq}</span>
      </header>
      <div className="text">{highlight(turn.text, query)}</div>
      {turn.error && <div className="turn-error">{turn.error}</div>}
    </article>
  );
}
