// Turns a transcript into the rows the reader shows: a header per round, the turns that pass
// the filters, and each round's proposals-and-votes table after its tally.
import type { TurnView } from '../../../src-shared/contract';
import type { Phase, Vote } from '../../../src-shared/game';
import { agentName } from '../../lib/format';

export interface TranscriptFilters {
  /** Phases shown; all when empty. */
  phases: Phase[];
  visibility: 'all' | 'public' | 'private';
  /** Agent index, -1 for the moderator, null for everyone. */
  agent: number | null;
  /** Search text: turns containing it are marked and stepped through, none is hidden. */
  query: string;
}

export const NO_FILTERS: TranscriptFilters = {
  phases: [],
  visibility: 'all',
  agent: null,
  query: '',
};

export interface RoundTable {
  round: number;
  proposals: { number: number; proposer: number; text: string }[];
  /** votes[agent][proposal index]; null where the vote is not known. */
  votes: (Vote | null)[][];
  accepted: number | null;
}

export type TimelineRow =
  | { kind: 'round'; key: string; round: number }
  | { kind: 'turn'; key: string; turn: TurnView }
  | { kind: 'table'; key: string; table: RoundTable };

export interface Timeline {
  rows: TimelineRow[];
  /** Row index of each round's header, in round order. */
  roundStarts: { round: number; index: number }[];
  shown: number;
  total: number;
  /** Row indices of the shown turns that contain the search text, in order. */
  matches: number[];
}

/** The proposer of a joint proposal (the pledge protocol): every agent's part went into it. */
export const JOINT_PROPOSER = -1;

/** Who made a listed proposal, as the reader names it. */
export function proposerName(proposer: number): string {
  return proposer === JOINT_PROPOSER ? 'joint (every agent)' : agentName(proposer);
}

/** True when the turn passes the phase, visibility and speaker filters. */
export function turnShown(turn: TurnView, f: TranscriptFilters): boolean {
  if (f.phases.length > 0 && !f.phases.includes(turn.phase)) return false;
  if (f.visibility !== 'all' && turn.visibility !== f.visibility) return false;
  return f.agent === null || turn.agent === f.agent;
}

/** The words of a search, lower-cased (a trailing * of a prefix search dropped). */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/\*$/, ''))
    .filter((w) => w !== '');
}

/** True when the turn's text contains every word of the search (any case); false for none. */
export function turnMatches(turn: TurnView, query: string): boolean {
  const words = queryWords(query);
  const text = turn.text.toLowerCase();
  return words.length > 0 && words.every((w) => text.includes(w));
}

/** "1. by Agent_2: ..." and "1. joint, of every agent: ..." lines of a listing, by number. */
function listedTexts(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of text.split('\n')) {
    const m = /^(\d+)\. (?:by Agent_\d+|joint, of every agent): (.*)$/.exec(line);
    if (m) out.set(Number(m[1]), m[2]);
  }
  return out;
}

/** The round's proposals and votes, from its listing and tally (or the private votes). */
export function roundTable(
  round: number,
  turns: readonly TurnView[],
  nAgents: number,
): RoundTable | null {
  const listing = turns.find((t) => t.phase === 'listing');
  const listed = Array.isArray(listing?.action)
    ? (listing.action as { number: number; proposer: number }[])
    : [];
  if (!listing || listed.length === 0) return null;
  const texts = listedTexts(listing.text);
  const proposals = listed.map((p) => ({
    number: p.number,
    proposer: p.proposer,
    text: texts.get(p.number) ?? '',
  }));
  const tally = turns.find((t) => t.phase === 'tally')?.action as
    { votes?: Vote[][]; accepted?: number | null } | undefined;
  const votes: (Vote | null)[][] = Array.from({ length: nAgents }, (_, a) => {
    const fromTally = tally?.votes?.[a];
    const own = turns.find(
      (t) => t.phase === 'vote' && t.agent === a && t.status !== 'parse_failure',
    )?.action as { votes?: Vote[] } | undefined;
    const row = fromTally ?? own?.votes ?? [];
    return proposals.map((_, j) => row[j] ?? null);
  });
  return { round, proposals, votes, accepted: tally?.accepted ?? null };
}

export function buildTimeline(
  turns: readonly TurnView[],
  filters: TranscriptFilters,
  nAgents: number,
): Timeline {
  const byRound = new Map<number, TurnView[]>();
  for (const t of turns) {
    const list = byRound.get(t.round);
    if (list) list.push(t);
    else byRound.set(t.round, [t]);
  }
  const rows: TimelineRow[] = [];
  const roundStarts: Timeline['roundStarts'] = [];
  const matches: number[] = [];
  let shown = 0;
  for (const [round, list] of [...byRound.entries()].sort((a, b) => a[0] - b[0])) {
    const visible = list.filter((t) => turnShown(t, filters));
    const table = roundTable(round, list, nAgents);
    if (visible.length === 0 && !table) continue;
    roundStarts.push({ round, index: rows.length });
    rows.push({ kind: 'round', key: `r${round}`, round });
    for (const turn of visible) {
      if (turnMatches(turn, filters.query)) matches.push(rows.length);
      rows.push({ kind: 'turn', key: `t${turn.seq}`, turn });
    }
    shown += visible.length;
    if (table) rows.push({ kind: 'table', key: `v${round}`, table });
  }
  return { rows, roundStarts, shown, total: turns.length, matches };
}

/** The round start to jump to from the row at `index` (j/k navigation). */
export function neighbourRound(
  timeline: Timeline,
  index: number,
  direction: 1 | -1,
): number | null {
  const starts = timeline.roundStarts.map((s) => s.index);
  if (direction > 0) return starts.find((s) => s > index) ?? null;
  const before = starts.filter((s) => s < index);
  return before.length > 0 ? before[before.length - 1] : null;
}

/** The row index of the turn with commit number `seq`, or null when it is filtered out. */
export function rowOfSeq(timeline: Timeline, seq: number): number | null {
  const i = timeline.rows.findIndex((r) => r.kind === 'turn' && r.turn.seq === seq);
  return i < 0 ? null : i;
}

/**
 * The match to move to from match `current` (an index into `matches`, or null for none yet),
 * wrapping around; from none, the first match at or after row `fromRow` (or the last before it).
 */
export function stepMatch(
  matches: readonly number[],
  current: number | null,
  direction: 1 | -1,
  fromRow = 0,
): number | null {
  const n = matches.length;
  if (n === 0) return null;
  if (current !== null && current < n) return (current + direction + n) % n;
  const after = matches.findIndex((row) => row >= fromRow);
  if (direction > 0) return after < 0 ? 0 : after;
  return after <= 0 ? n - 1 : after - 1;
}
