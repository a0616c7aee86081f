import { describe, expect, it } from 'vitest';
import type { TurnView } from '../../../src-shared/contract';
import {
  buildTimeline,
  NO_FILTERS,
  neighbourRound,
  proposerName,
  roundTable,
  rowOfSeq,
  stepMatch,
} from './timeline';

let seq = 0;
const turn = (
  round: number,
  phase: TurnView['phase'],
  agent: number,
  text: string,
  extra: Partial<TurnView> = {},
): TurnView => ({
  seq: ++seq,
  round,
  phase,
  pass: 0,
  agent,
  attempt: 0,
  visibility:
    phase === 'thinking' || phase === 'vote' || phase === 'reflection' || phase === 'setup'
      ? 'private'
      : 'public',
  text,
  action: null,
  status: 'ok',
  ...extra,
});

const transcript: TurnView[] = [
  turn(0, 'setup', 0, 'You are Agent_1'),
  turn(0, 'setup', 1, 'You are Agent_2'),
  turn(1, 'discussion', 0, 'I want the apple'),
  turn(1, 'thinking', 1, 'Agent_1 wants the apple; concede the pear'),
  turn(
    1,
    'listing',
    -1,
    'Round 1 proposals:\n1. by Agent_1: Agent_1: apple | Agent_2: pear\n2. by Agent_2: Agent_1: pear | Agent_2: apple',
    {
      action: [
        { number: 1, proposer: 0, proposal: {} },
        { number: 2, proposer: 1, proposal: {} },
      ],
    },
  ),
  turn(1, 'vote', 0, 'accept, reject', { action: { votes: ['accept', 'reject'] } }),
  turn(1, 'vote', 1, 'reject, accept', { action: { votes: ['reject', 'accept'] } }),
  turn(1, 'tally', -1, 'No proposal passed', {
    action: {
      votes: [
        ['accept', 'reject'],
        ['reject', 'accept'],
      ],
      accepts: [1, 1],
      passing: [],
      accepted: null,
    },
  }),
  turn(2, 'discussion', 1, 'Fine, take the apple'),
];

describe('transcript timeline', () => {
  it('builds a proposals-and-votes table from the listing and tally', () => {
    expect(
      roundTable(
        1,
        transcript.filter((t) => t.round === 1),
        2,
      ),
    ).toEqual({
      round: 1,
      proposals: [
        { number: 1, proposer: 0, text: 'Agent_1: apple | Agent_2: pear' },
        { number: 2, proposer: 1, text: 'Agent_1: pear | Agent_2: apple' },
      ],
      votes: [
        ['accept', 'reject'],
        ['reject', 'accept'],
      ],
      accepted: null,
    });
    expect(
      roundTable(
        2,
        transcript.filter((t) => t.round === 2),
        2,
      ),
    ).toBeNull();
  });

  it('interleaves round headers, turns and tables, and filters by phase, visibility, agent and text', () => {
    const all = buildTimeline(transcript, NO_FILTERS, 2);
    expect(all.rows.map((r) => r.key)).toEqual([
      'r0',
      't1',
      't2',
      'r1',
      't3',
      't4',
      't5',
      't6',
      't7',
      't8',
      'v1',
      'r2',
      't9',
    ]);
    expect(all.roundStarts).toEqual([
      { round: 0, index: 0 },
      { round: 1, index: 3 },
      { round: 2, index: 11 },
    ]);
    const privateOnly = buildTimeline(
      transcript,
      { ...NO_FILTERS, visibility: 'private', agent: 1 },
      2,
    );
    expect(privateOnly.rows.map((r) => r.key)).toEqual(['r0', 't2', 'r1', 't4', 't7', 'v1']);
    const search = buildTimeline(
      transcript,
      { ...NO_FILTERS, query: 'APPLE', phases: ['discussion'] },
      2,
    );
    // The search hides nothing: it lists the matching rows among the shown ones.
    expect(search.rows.map((r) => r.key)).toEqual(['r1', 't3', 'v1', 'r2', 't9']);
    expect(search.matches).toEqual([1, 4]);
    expect([search.shown, search.total]).toEqual([2, 9]);
    // Without the phase filter the thinking and listing turns match too.
    expect(buildTimeline(transcript, { ...NO_FILTERS, query: 'apple' }, 2).matches).toEqual([
      4, 5, 6, 12,
    ]);
    expect(rowOfSeq(all, 9)).toBe(12);
    expect(rowOfSeq(privateOnly, 3)).toBeNull();
  });

  it('moves between rounds', () => {
    const all = buildTimeline(transcript, NO_FILTERS, 2);
    expect([
      neighbourRound(all, 0, 1),
      neighbourRound(all, 4, 1),
      neighbourRound(all, 11, 1),
    ]).toEqual([3, 11, null]);
    expect([neighbourRound(all, 4, -1), neighbourRound(all, 0, -1)]).toEqual([3, null]);
  });

  it('steps through matches with wrap-around, starting from the reading position', () => {
    const m = [4, 9, 20];
    expect([stepMatch(m, null, 1), stepMatch(m, null, -1)]).toEqual([0, 2]);
    expect([stepMatch(m, null, 1, 10), stepMatch(m, null, -1, 10)]).toEqual([2, 1]);
    expect([stepMatch(m, null, 1, 25), stepMatch(m, null, -1, 2)]).toEqual([0, 2]);
    expect([stepMatch(m, 0, 1), stepMatch(m, 2, 1), stepMatch(m, 0, -1)]).toEqual([1, 0, 2]);
    expect(stepMatch([], null, 1)).toBeNull();
  });

  it('names a joint proposal of the pledge protocol instead of a seat', () => {
    const listing = turn(
      1,
      'listing',
      -1,
      'Round 1 proposals:\n1. joint, of every agent: A 5 | B 3',
      {
        action: [{ number: 1, proposer: -1, proposal: {} }],
      },
    );
    const table = roundTable(1, [listing], 2);
    expect(table?.proposals).toEqual([{ number: 1, proposer: -1, text: 'A 5 | B 3' }]);
    expect([proposerName(-1), proposerName(0), proposerName(2)]).toEqual([
      'joint (every agent)',
      'Agent_1',
      'Agent_3',
    ]);
  });
});
