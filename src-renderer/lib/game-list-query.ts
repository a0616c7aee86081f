// The game list's filters as the form holds them, and the games:list arguments they make (pure,
// so testable). Every filter and the sort run in SQL on the host; the list pages, never caps.
// Shared by the Runs screen's game list and the Transcripts screen's picker.
import type { GameSortKey, RequestArgs } from '../../src-shared/contract';
import type { Order } from '../../src-shared/planned-game';

export const PAGE_SIZE = 50;

export type Outcome = '' | 'deal' | 'no-deal' | 'failed' | 'unfinished';

export interface GameListFilters {
  /** Focal participant and competition level: one heatmap cell when both are set. */
  focalId: string;
  level: string;
  outcome: Outcome;
  round: string;
  order: '' | Order;
  /** Any seat. */
  participantId: string;
  parseFailures: '' | 'yes' | 'no';
  tag: string;
}

export const NO_FILTERS: GameListFilters = {
  focalId: '',
  level: '',
  outcome: '',
  round: '',
  order: '',
  participantId: '',
  parseFailures: '',
  tag: '',
};

export interface GameListSort {
  key: GameSortKey;
  dir: 'asc' | 'desc';
}

/** What one page of the list shows: its filters, its sort (null: planned order) and first index. */
export interface GameListQuery {
  filters: GameListFilters;
  sort: GameListSort | null;
  offset: number;
}

export const FIRST_PAGE: GameListQuery = { filters: NO_FILTERS, sort: null, offset: 0 };

export const OUTCOME_LABELS: Record<Outcome, string> = {
  '': 'any outcome',
  deal: 'deal',
  'no-deal': 'no deal',
  failed: 'failed',
  unfinished: 'not finished',
};

/** The games:list request for one page of the sweep's list. */
export function listArgs(
  sweepId: string,
  f: GameListFilters,
  sort: GameListSort | null,
  offset: number,
  /** Also ask for the sweep's filter values (the form's options; a page step needs none). */
  withFacets = true,
): RequestArgs<'games:list'> {
  const outcome: Partial<RequestArgs<'games:list'>> =
    f.outcome === 'deal'
      ? { deal: true }
      : f.outcome === 'no-deal'
        ? { status: ['finished'], deal: false }
        : f.outcome === 'failed'
          ? { status: ['failed'] }
          : f.outcome === 'unfinished'
            ? { status: ['queued', 'running', 'paused', 'cancelled'] }
            : {};
  return {
    sweepId,
    ...outcome,
    ...(f.focalId ? { focalId: f.focalId } : {}),
    ...(f.level !== '' ? { competitionLevel: Number(f.level) } : {}),
    ...(f.round !== '' ? { round: Number(f.round) } : {}),
    ...(f.order ? { order: f.order } : {}),
    ...(f.participantId ? { participantId: f.participantId } : {}),
    ...(f.parseFailures ? { parseFailures: f.parseFailures === 'yes' } : {}),
    ...(f.tag ? { tag: f.tag } : {}),
    ...(sort ? { sort } : {}),
    ...(withFacets ? { facets: true } : {}),
    limit: PAGE_SIZE,
    offset,
  };
}

/** "1–50 of 2,970 games" / "no games match". */
export function pageLabel(offset: number, shown: number, total: number): string {
  if (total === 0) return 'no games match';
  const n = (v: number) => v.toLocaleString('en-US');
  return `${n(offset + 1)}–${n(offset + shown)} of ${n(total)} games`;
}
