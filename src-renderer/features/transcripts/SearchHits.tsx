// The turns a search found: speaker, phase, visibility and the text around the first match,
// each a link that opens the game at that turn with the words marked.
import type { SearchHit, SearchPage } from '../../../src-shared/contract';
import { agentName } from '../../lib/format';
import { PHASE_COLORS } from '../../theme';
import { useApp } from '../../state/hooks';
import { highlight } from './TurnText';

/** Characters shown before the first match of a long turn. */
const LEAD = 80;
const SNIPPET = 320;

/** The part of `text` around the first of `words` (whole text when short). */
export function snippet(text: string, words: readonly string[]): string {
  if (text.length <= SNIPPET) return text;
  const lower = text.toLowerCase();
  const first = Math.min(
    ...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0),
    Number.POSITIVE_INFINITY,
  );
  const from = Number.isFinite(first) ? Math.max(0, first - LEAD) : 0;
  const to = Math.min(text.length, from + SNIPPET);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

export function hitHref(hit: SearchHit, sweepId: string | null, words: readonly string[]): string {
  const params = new URLSearchParams();
  if (sweepId) params.set('sweep', sweepId);
  params.set('turn', String(hit.seq));
  params.set('q', words.join(' '));
  return `#/transcripts/${encodeURIComponent(hit.gameId)}?${params.toString()}`;
}

export function SearchHits({ page, sweepId }: { page: SearchPage; sweepId: string | null }) {
  const navigate = useApp((s) => s.navigate);
  const query = page.words.join(' ');
  return (
    <ol className="search-hits" data-testid="search-hits">
      {page.hits.map((h) => (
        <li key={`${h.gameId}#${h.seq}`} className="search-hit">
          <a
            href={hitHref(h, sweepId, page.words)}
            style={{ borderLeftColor: PHASE_COLORS[h.phase] }}
            data-testid="search-hit"
            data-game={h.gameId}
            data-seq={h.seq}
            onClick={(e) => {
              e.preventDefault();
              navigate({
                screen: 'transcripts',
                gameId: h.gameId,
                sweepId,
                turn: h.seq,
                q: query,
              });
            }}
          >
            <div className="hit-meta">
              <strong>{h.agent < 0 ? 'Moderator' : agentName(h.agent)}</strong>
              {h.participantId && <span className="muted">{h.participantId}</span>}
              <span className="phase-tag" style={{ color: PHASE_COLORS[h.phase] }}>
                {h.phase}
              </span>
              {h.visibility === 'private' && <span className="private-tag">private</span>}
              <span className="muted">
                round {h.round} · game {h.gameId.slice(0, 10)} · #{h.seq}
              </span>
            </div>
            <div className="hit-text">{highlight(snippet(h.text, page.words), query)}</div>
          </a>
        </li>
      ))}
    </ol>
  );
}
