import { describe, expect, it } from 'vitest';
import { createRng } from '../../games/rng';
import type { Vote } from '../../src-shared/game';
import { acceptsNeeded, tally, type UniformSource } from './tally';

const A: Vote = 'accept';
const R: Vote = 'reject';
/** A source that fails the test if the tally draws when it should not. */
const noDraw: UniformSource = {
  next() {
    throw new Error('unexpected draw');
  },
};
const fixed = (x: number): UniformSource => ({ next: () => x });

describe('acceptsNeeded', () => {
  it('gives n, ceil(2n/3) and n-1', () => {
    expect([2, 3, 4, 5, 6, 7].map((n) => acceptsNeeded('unanimous', n))).toEqual([
      2, 3, 4, 5, 6, 7,
    ]);
    expect([2, 3, 4, 5, 6, 7].map((n) => acceptsNeeded('supermajority', n))).toEqual([
      2, 2, 3, 4, 4, 5,
    ]);
    expect([2, 3, 4, 5, 6, 7].map((n) => acceptsNeeded('veto', n))).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('tally', () => {
  it('unanimous: only all-accept passes', () => {
    expect(
      tally(
        [
          [A, A],
          [A, R],
          [A, A],
        ],
        'unanimous',
        3,
        [],
        noDraw,
      ),
    ).toEqual({
      accepts: [3, 2],
      passing: [0],
      winner: 0,
      isTieBreak: false,
    });
    expect(tally([[R], [A], [A]], 'unanimous', 3, [], noDraw)).toEqual({
      accepts: [2],
      passing: [],
      winner: null,
      isTieBreak: false,
    });
  });

  it('unanimous: several passing proposals tie and the RNG chooses', () => {
    expect(
      tally(
        [
          [A, A],
          [A, A],
        ],
        'unanimous',
        2,
        [],
        fixed(0.2),
      ),
    ).toEqual({ accepts: [2, 2], passing: [0, 1], winner: 0, isTieBreak: true });
    expect(
      tally(
        [
          [A, A],
          [A, A],
        ],
        'unanimous',
        2,
        [],
        fixed(0.7),
      ),
    ).toEqual({ accepts: [2, 2], passing: [0, 1], winner: 1, isTieBreak: true });
  });

  it('supermajority: ceil(2n/3) passes, most accepts wins without a draw', () => {
    // n = 4 needs 3: proposal 0 has 3, proposal 1 has 4, proposal 2 has 2.
    const votes: Vote[][] = [
      [A, A, A],
      [A, A, R],
      [A, A, R],
      [R, A, A],
    ];
    expect(tally(votes, 'supermajority', 4, [], noDraw)).toEqual({
      accepts: [3, 4, 2],
      passing: [0, 1],
      winner: 1,
      isTieBreak: false,
    });
  });

  it('supermajority: ties among the top are drawn', () => {
    const votes: Vote[][] = [
      [A, A, A],
      [A, R, A],
      [R, A, A],
    ];
    // n = 3 needs 2; all pass with 2, 2, 3 -> proposal 2 wins outright.
    expect(tally(votes, 'supermajority', 3, [], noDraw).winner).toBe(2);
    const tied: Vote[][] = [
      [A, A, R],
      [A, R, A],
      [R, A, A],
    ];
    expect(tally(tied, 'supermajority', 3, [], fixed(0.5))).toEqual({
      accepts: [2, 2, 2],
      passing: [0, 1, 2],
      winner: 1,
      isTieBreak: true,
    });
    expect(tally(tied, 'supermajority', 3, [], fixed(0.99)).winner).toBe(2);
  });

  it('veto: n-1 accepts including every holder', () => {
    const votes: Vote[][] = [
      [A, R, A],
      [A, A, A],
      [R, A, A],
    ];
    expect(tally(votes, 'veto', 3, [0], noDraw)).toEqual({
      accepts: [2, 2, 3],
      passing: [0, 2],
      winner: 2,
      isTieBreak: false,
    });
    expect(tally(votes, 'veto', 3, [0, 2], noDraw)).toEqual({
      accepts: [2, 2, 3],
      passing: [2],
      winner: 2,
      isTieBreak: false,
    });
    expect(tally([[A], [A], [R]], 'veto', 3, [2], noDraw)).toEqual({
      accepts: [2],
      passing: [],
      winner: null,
      isTieBreak: false,
    });
  });

  it('counts missing votes as reject', () => {
    expect(tally([[A, A], [A]], 'unanimous', 2, [], noDraw)).toEqual({
      accepts: [2, 1],
      passing: [0],
      winner: 0,
      isTieBreak: false,
    });
  });

  it('breaks ties deterministically from the seeded RNG', () => {
    const votes: Vote[][] = [
      [A, A, A, A],
      [A, A, A, A],
    ];
    const winners = (seed: number) => tally(votes, 'unanimous', 2, [], createRng(seed)).winner;
    const first = Array.from({ length: 40 }, (_, s) => winners(s));
    expect(Array.from({ length: 40 }, (_, s) => winners(s))).toEqual(first);
    expect(new Set(first)).toEqual(new Set([0, 1, 2, 3]));
  });
});
