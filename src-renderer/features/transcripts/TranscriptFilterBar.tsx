// Filters of the reader: phases (in their colours), public/private, speaker, and search. A
// toolbar: Tab reaches each control, ← and → move between its buttons; p toggles private only,
// n and Shift+N (Enter and Shift+Enter in the search box) step through the matches.
import type { KeyboardEvent, RefObject } from 'react';
import type { Phase } from '../../../src-shared/game';
import type { TranscriptFilters } from './timeline';
import { agentName } from '../../lib/format';
import { FILTER_PHASES, PHASE_COLORS } from '../../theme';

interface Props {
  filters: TranscriptFilters;
  setFilters: (patch: Partial<TranscriptFilters>) => void;
  agents: number;
  shown: number;
  total: number;
  searchRef: RefObject<HTMLInputElement | null>;
  /** The match the reader is on (index into the matches), and how many there are. */
  match: number | null;
  matchCount: number;
  onStepMatch: (direction: 1 | -1) => void;
}

export function TranscriptFilterBar({
  filters,
  setFilters,
  agents,
  shown,
  total,
  searchRef,
  match,
  matchCount,
  onStepMatch,
}: Props) {
  const hasQuery = filters.query.trim() !== '';
  const togglePhase = (p: Phase) =>
    setFilters({
      phases: filters.phases.includes(p)
        ? filters.phases.filter((x) => x !== p)
        : [...filters.phases, p],
    });
  return (
    <div
      className="filters"
      role="toolbar"
      aria-label="Transcript filters"
      onKeyDown={moveAmongButtons}
    >
      <div className="chips" role="group" aria-label="Phases">
        {FILTER_PHASES.map((p) => (
          <button
            key={p}
            type="button"
            className="chip phase-chip"
            aria-pressed={filters.phases.includes(p)}
            data-testid={`phase-${p}`}
            style={{ ['--phase' as string]: PHASE_COLORS[p] }}
            onClick={() => togglePhase(p)}
          >
            <span className="dot" aria-hidden="true" />
            {p}
          </button>
        ))}
      </div>
      <div className="segmented" role="group" aria-label="Visibility">
        {(['all', 'public', 'private'] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={filters.visibility === v}
            aria-keyshortcuts={v === 'private' ? 'p' : undefined}
            title={v === 'private' ? 'Private messages only ( p toggles )' : undefined}
            data-testid={`visibility-${v}`}
            onClick={() => setFilters({ visibility: v })}
          >
            {v}
          </button>
        ))}
      </div>
      <select
        aria-label="Speaker"
        value={filters.agent ?? ''}
        onChange={(e) =>
          setFilters({ agent: e.target.value === '' ? null : Number(e.target.value) })
        }
      >
        <option value="">everyone</option>
        <option value="-1">Moderator</option>
        {Array.from({ length: agents }, (_, a) => (
          <option key={a} value={a}>
            {agentName(a)}
          </option>
        ))}
      </select>
      <input
        ref={searchRef}
        type="search"
        placeholder="Search ( / )"
        aria-label="Search the transcript"
        data-testid="transcript-search"
        value={filters.query}
        onChange={(e) => setFilters({ query: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
          else if (e.key === 'Enter') {
            e.preventDefault();
            onStepMatch(e.shiftKey ? -1 : 1);
          }
        }}
      />
      {hasQuery && (
        <span className="match-nav" role="group" aria-label="Search matches">
          <button
            type="button"
            className="icon-button"
            disabled={matchCount === 0}
            onClick={() => onStepMatch(-1)}
            title="Previous match (Shift+N, or Shift+Enter in the search box)"
            aria-label="Previous match"
            aria-keyshortcuts="Shift+N"
            data-testid="match-prev"
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            disabled={matchCount === 0}
            onClick={() => onStepMatch(1)}
            title="Next match (n, or Enter in the search box)"
            aria-label="Next match"
            aria-keyshortcuts="n"
            data-testid="match-next"
          >
            ↓
          </button>
          <span className="muted" data-testid="match-count" aria-live="polite">
            {matchCount === 0 ? 'no match' : `${match === null ? '–' : match + 1} of ${matchCount}`}
          </span>
        </span>
      )}
      <span className="muted count" data-testid="turn-count">
        {shown === total ? `${total} messages` : `${shown} of ${total} messages`}
      </span>
    </div>
  );
}

/** ← and → move the focus to the toolbar's previous or next enabled button. */
function moveAmongButtons(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  const from = e.target as HTMLElement;
  if (from.tagName !== 'BUTTON') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const i = buttons.indexOf(from as HTMLButtonElement);
  const to = buttons[i + (e.key === 'ArrowRight' ? 1 : -1)];
  if (i < 0 || !to) return;
  e.preventDefault();
  to.focus();
}
