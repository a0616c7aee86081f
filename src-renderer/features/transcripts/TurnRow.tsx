// One transcript entry: phase colour, speaker, private marking, status, and its body (TurnText).
import type { TurnView } from '../../../src-shared/contract';
import { agentName } from '../../lib/format';
import { PHASE_COLORS } from '../../theme';
import { TurnText } from './TurnText';

export function TurnRow({
  turn,
  seatLabels,
  query,
  isCurrent = false,
  isTarget = false,
  expanded = false,
  onToggle = () => {},
}: {
  turn: TurnView;
  seatLabels: string[];
  query: string;
  /** The search match the reader is on. */
  isCurrent?: boolean;
  /** The turn a link opened the game at. */
  isTarget?: boolean;
  /** A setup prompt shown whole, or a vote's raw reply unfolded. */
  expanded?: boolean;
  onToggle?: () => void;
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
  const classes = [
    'turn',
    isPrivate ? 'private' : 'public',
    turn.agent < 0 ? 'moderator' : '',
    isCurrent ? 'current-match' : '',
    isTarget ? 'target' : '',
  ];
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      style={{ borderLeftColor: PHASE_COLORS[turn.phase] }}
      data-testid="turn"
      data-seq={turn.seq}
      data-phase={turn.phase}
      data-visibility={turn.visibility}
      data-current={isCurrent ? 'true' : undefined}
      aria-label={`${speaker}, ${turn.phase}, ${turn.visibility}`}
      aria-current={isCurrent || isTarget ? 'true' : undefined}
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
      <TurnText turn={turn} query={query} expanded={expanded} onToggle={onToggle} />
      {turn.error && <div className="turn-error">{turn.error}</div>}
    </article>
  );
}
