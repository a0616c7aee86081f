// The body of a turn: search matches marked, a setup prompt folded to its first line, and a
// vote shown as accept/reject per proposal (its raw reply folded away when it is JSON).
import type { ReactNode } from 'react';
import type { TurnView } from '../../../src-shared/contract';
import type { Vote } from '../../../src-shared/game';
import { queryWords } from './timeline';

/** `text` with every occurrence of each word of `query` (any case) in a <mark>. */
export function highlight(text: string, query: string): ReactNode {
  const words = queryWords(query);
  if (words.length === 0) return text;
  const pattern = new RegExp(
    words
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'gi',
  );
  const parts: ReactNode[] = [];
  let from = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > from) parts.push(text.slice(from, m.index));
    parts.push(<mark key={m.index}>{m[0]}</mark>);
    from = m.index + m[0].length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** A vote turn's votes and which of them were filled in as reject (missing), if it has any. */
export function votesOf(turn: TurnView): { votes: Vote[]; synthetic: number[] } | null {
  if (turn.phase !== 'vote' || typeof turn.action !== 'object' || turn.action === null) return null;
  const { votes, synthetic } = turn.action as { votes?: unknown; synthetic?: unknown };
  if (!Array.isArray(votes) || !votes.every((v) => v === 'accept' || v === 'reject')) return null;
  return {
    votes: votes as Vote[],
    synthetic: Array.isArray(synthetic) ? synthetic.filter((i) => typeof i === 'number') : [],
  };
}

const looksLikeJson = (text: string) => /^\s*[[{]/.test(text);

export function VoteSummary({ votes, synthetic }: { votes: Vote[]; synthetic: number[] }) {
  return (
    <ul className="vote-summary" data-testid="vote-summary">
      {votes.map((v, j) => (
        <li key={j} className={`vote-${v}`}>
          Proposal {j + 1}: <strong>{v === 'accept' ? '✓ accept' : '✗ reject'}</strong>
          {synthetic.includes(j) && <span className="muted"> (missing, counted as reject)</span>}
        </li>
      ))}
    </ul>
  );
}

export function TurnText({
  turn,
  query,
  expanded,
  onToggle,
}: {
  turn: TurnView;
  query: string;
  expanded: boolean;
  onToggle: () => void;
}) {
  const parsed = votesOf(turn);
  if (parsed) {
    return (
      <>
        <VoteSummary {...parsed} />
        {looksLikeJson(turn.text) ? (
          <details className="raw-reply">
            <summary>Raw reply</summary>
            <div className="text">{highlight(turn.text, query)}</div>
          </details>
        ) : (
          <div className="text">{highlight(turn.text, query)}</div>
        )}
      </>
    );
  }
  if (turn.phase !== 'setup') return <div className="text">{highlight(turn.text, query)}</div>;
  const firstLine = turn.text.split('\n', 1)[0];
  return (
    <div className="setup-text">
      <div className="text">{highlight(expanded ? turn.text : firstLine, query)}</div>
      <button
        type="button"
        className="link-button"
        aria-expanded={expanded}
        data-testid="setup-toggle"
        onClick={onToggle}
      >
        {expanded
          ? 'Fold the setup prompt'
          : `Show the whole setup prompt (${turn.text.length.toLocaleString('en-US')} characters)`}
      </button>
    </div>
  );
}
