import { describe, expect, it } from 'vitest';
import type { DealTurn } from '../../../games/deliberation/metrics';
import type { DeliberationIncentive } from '../../../games/deliberation/types';
import { tinyGame } from '../../../games/deliberation/fixtures.test-helpers';
import { ruleMove, type RulePartyView } from './rule-party';

// Deals and scores (P p1 min 60, Q p2 min 50, R player min 90):
// A1,B1: P 100 Q 30 R 10 | A1,B2: P 60 Q 50 R 100 | A2,B1: P 40 Q 80 R 0 | A2,B2: P 0 Q 100 R 90
const tiny = tinyGame('cooperative');

const opening: DealTurn = { turn: 0, party: 0, deal: [0, 0] };
const view = (
  party: number,
  turn: number,
  history: DealTurn[],
  incentive: DeliberationIncentive = 'cooperative',
): RulePartyView => ({ game: tiny, party, incentive, turn, turns: 5, history, seed: 7 });

describe('the rule-based deliberation party', () => {
  it('plays a hand-traced cooperative game to a unanimous deal', () => {
    // Q at turn 1 (progress 1/4): aspiration 100 - 50/4 = 87.5 -> only A2,B2 (100)
    const q = ruleMove(view(1, 1, [opening]));
    expect(q.deal).toEqual([1, 1]);
    // R at turn 2 (progress 1/2): aspiration 100 - 10/2 = 95; Q's A2,B2 gives R 90 -> A1,B2
    const afterQ = [opening, { turn: 1, party: 1, deal: q.deal }];
    const r = ruleMove(view(2, 2, afterQ));
    expect(r.deal).toEqual([0, 1]);
    // P's final deal (progress 1): aspiration = minimum 60; R's tabled A1,B2 gives 60 -> endorse it
    const p = ruleMove(view(0, 4, [...afterQ, { turn: 2, party: 2, deal: r.deal }]));
    expect(p).toEqual({
      deal: [0, 1],
      scratchpad:
        "My score of A1,B2 is 60 (minimum 60). Estimated closeness to the others' deals: Q 50%, R 100%. Aspiration 60.0; incentive cooperative.",
      answer: 'I propose <DEAL>A1,B2</DEAL>.',
      plan: "Next time, move further towards the others' deals if A1,B2 is not taken up.",
    });
  });

  it('a greedy p1 holds out: its floor 60 + (100 - 60) / 4 = 70 rejects A1,B2', () => {
    const history = [
      opening,
      { turn: 1, party: 1, deal: [1, 1] },
      { turn: 2, party: 2, deal: [0, 1] },
    ];
    expect(ruleMove(view(0, 4, history, 'greedy')).deal).toEqual([0, 0]);
  });

  it('an untargeted adversary pushes a strong deal the veto holders are least close to', () => {
    // R's strong deals (>= 100 - 10): A1,B2 (100) and A2,B2 (90); Q backs A2,B2, so A1,B2 is
    // Q's least liked (1/2 against 1) and P has not spoken
    const history = [opening, { turn: 1, party: 1, deal: [1, 1] }];
    expect(ruleMove(view(2, 2, history, 'untargeted_adv')).deal).toEqual([0, 1]);
  });

  it('is deterministic for a seed and never puts scores in the public answer', () => {
    const history = [opening, { turn: 1, party: 1, deal: [1, 1] }];
    const a = ruleMove(view(2, 3, history));
    expect(ruleMove(view(2, 3, history))).toEqual(a);
    expect(a.answer).not.toMatch(/\d\d/);
  });
});
