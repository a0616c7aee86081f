import { describe, expect, it } from 'vitest';
import type { GameRow } from '../store/types';
import { deliberationColumns } from './deliberation-columns';

const measures = {
  passingDealAnyTurn: true,
  firstPassingTurn: 5,
  finalDealPasses: true,
  allAgree: false,
  wrongDeals: [0, 2, 0, 1, 0, 0],
  invalidDeals: [0, 0, 0, 0, 0, 0],
  finalDealScores: [68, 50, 81, 59, 74, 47],
  finalScores: [68, 50, 81, 59, 74, 47],
  meetsMinimum: [true, true, true, true, true, false],
  adversarySuccess: null,
  feasibility: { deals: 720, passing: 55, unanimous: 12 },
};

const incentives = ['cooperative', 'greedy', 'cooperative', 'untargeted_adv', 'greedy', 'greedy'];
const row = (kind: string, m: unknown) =>
  ({
    kind,
    outcome: { measures: m },
    instance: { preferences: incentives.map((incentive) => ({ incentive })) },
  }) as unknown as GameRow;

describe('deliberation analysis columns', () => {
  it('orients the published evaluation to the focal seat', () => {
    expect(deliberationColumns(row('deliberation', measures), 5)).toEqual({
      focal_incentive: 'greedy',
      passing_deal_any_turn: 1,
      final_deal_passes: 1,
      all_agree: 0,
      wrong_deals: 3,
      wrong_deals_focal: 0,
      focal_meets_minimum: 0,
      focal_final_score: 47,
      adversary_success: null,
      feasible_deals: 55,
    });
    expect(deliberationColumns(row('deliberation', measures), 3)).toMatchObject({
      focal_incentive: 'untargeted_adv',
    });
    expect(deliberationColumns(row('deliberation', measures), 1)).toMatchObject({
      wrong_deals_focal: 2,
      focal_meets_minimum: 1,
      focal_final_score: 50,
    });
  });

  it('adds nothing to other games', () => {
    expect(deliberationColumns(row('treaty', measures), 0)).toEqual({});
    expect(deliberationColumns(row('deliberation', undefined), 0)).toEqual({});
  });
});
