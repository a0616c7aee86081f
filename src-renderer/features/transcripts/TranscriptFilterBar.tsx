// Filters of the reader: phases (in their colours), public/private, speaker, and search.
import type { RefObject } from 'react';
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
}

export function TranscriptFilterBar({
  filters,
  setFilters,
  agents,
  shown,
  total,
  searchRef,
}: Props) {
  const togglePhase = (p: Phase) =>
    setFilters({
      phases: filters.phases.includes(p)
        ? filters.phases.filter((x) => x !== p)
        : [...filters.phases, p],
    });
  return (
    <div className="filters" role="toolbar" aria-label="Transcript filters">
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
        }}
      />
      <span className="muted count" data-testid="turn-count">
        {shown === total ? `${total} messages` : `${shown} of ${total} messages`}
      </span>
    </div>
  );
}
