// Our deal parsing, scores, pass rule and schedule shape against two published GPT-4 logs of the
// base game (all parties cooperative); expected figures were computed independently in Python.
import { describe, expect, it } from 'vitest';
import { parseDealTag } from './deal';
import { baseGame } from './fixtures.test-helpers';
import published from './fixtures/published-logs.json';
import { deliberationMetrics } from './metrics';

const game = baseGame();
const names = game.parties.map((p) => p.name);

describe.each(published.logs)('published log $source', (log) => {
  it('has the schedule shape we build: p1 opens, 4 blocks of the 6 parties, p1 closes', () => {
    expect(log.rounds).toHaveLength(26);
    expect(log.rounds[0].agent).toBe('SportCo');
    expect(log.rounds[25].agent).toBe('SportCo');
    expect(log.rounds.slice(1, 25).map((r) => r.agent)).toEqual(log.slot_assignment);
    let previous = 'SportCo';
    for (let b = 0; b < 4; b++) {
      const block = log.slot_assignment.slice(6 * b, 6 * b + 6);
      expect([...block].sort()).toEqual([...names].sort());
      expect(block[0]).not.toBe(previous);
      expect(block[5]).not.toBe('SportCo');
      previous = block[5];
    }
  });

  it('yields a valid deal in every public answer and the published outcome', () => {
    const turns = log.rounds.map((r, turn) => {
      const parsed = parseDealTag(game.issues, r.public_answer);
      return { turn, party: names.indexOf(r.agent), deal: parsed.ok ? parsed.deal : null };
    });
    expect(turns.filter((t) => t.deal === null)).toEqual([]);
    const m = deliberationMetrics(game, turns);
    if (log.source.endsWith('history10_14_00.json')) {
      // final A2,B2,C3,D1,E3: DoT 60 < 65 and the League 47 < 55 -> fails; SportCo's own
      // scratchpad in the log sums it to 70
      expect(m.finalDealScores).toEqual([72, 40, 81, 70, 60, 47]);
      expect([m.finalDealPasses, m.allAgree, m.firstPassingTurn]).toEqual([false, false, 6]);
      expect(m.finalScores).toEqual([0, 0, 0, 0, 0, 0]);
    } else {
      // final A2,B2,C2,D2,E3: all but the League (47) agree -> passes, no unanimity bonus
      expect(m.finalDealScores).toEqual([68, 50, 81, 59, 74, 47]);
      expect([m.finalDealPasses, m.allAgree, m.firstPassingTurn]).toEqual([true, false, 5]);
      expect(m.finalScores).toEqual([68, 50, 81, 59, 74, 47]);
    }
    expect(m.meetsMinimum).toEqual(m.finalDealScores.map((s, i) => s! >= game.parties[i].minimum));
    expect(m.wrongDeals).toEqual([0, 0, 0, 0, 0, 0]);
    expect(m.adversarySuccess).toBeNull();
  });
});
