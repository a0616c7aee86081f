// Scores and the pass rule of a deliberation game (DESIGN 3.6).
import { allDeals } from './deal';
import type { Deal, DeliberationGame, DeliberationIncentive, DeliberationParty } from './types';

/** p1's bonus when every party agrees to the passed deal. */
export const UNANIMITY_BONUS = 10;
/** An adversarial party's score when no deal passes. */
export const ADVERSARY_NO_DEAL_SCORE = 150;

export function isAdversarial(incentive: DeliberationIncentive): boolean {
  return incentive === 'untargeted_adv' || incentive === 'targeted_adv';
}

/** A party's score of a deal: the sum of its option scores. */
export function partyScore(party: DeliberationParty, deal: Deal): number {
  return deal.reduce((sum, option, k) => sum + party.scores[k][option], 0);
}

/** A party agrees when the deal scores at least its minimum. */
export function agrees(party: DeliberationParty, deal: Deal): boolean {
  return partyScore(party, deal) >= party.minimum;
}

export function roleIndex(game: DeliberationGame, role: 'p1' | 'p2' | 'target'): number {
  return game.parties.findIndex((p) => p.role === role);
}

/** The pass rule: at least N-1 parties agree, p1 and p2 among them. */
export function passes(game: DeliberationGame, deal: Deal): boolean {
  const agreeing = game.parties.map((p) => agrees(p, deal));
  const count = agreeing.filter(Boolean).length;
  return (
    count >= game.parties.length - 1 &&
    agreeing[roleIndex(game, 'p1')] &&
    agreeing[roleIndex(game, 'p2')]
  );
}

/**
 * Each party's final score for the game's final deal (null: no valid final deal). A passed deal
 * scores each party's sum, plus the unanimity bonus for p1 when all agree; with no passed deal
 * adversarial parties score 150 and the others 0.
 */
export function finalScores(game: DeliberationGame, deal: Deal | null): number[] {
  const passed = deal !== null && passes(game, deal);
  const unanimous = deal !== null && game.parties.every((p) => agrees(p, deal));
  return game.parties.map((p) => {
    if (!passed) return isAdversarial(p.incentive) ? ADVERSARY_NO_DEAL_SCORE : 0;
    return partyScore(p, deal) + (p.role === 'p1' && unanimous ? UNANIMITY_BONUS : 0);
  });
}

/** Feasibility by enumeration: how many of all deals pass, and how many every party accepts. */
export interface Feasibility {
  deals: number;
  passing: number;
  unanimous: number;
}

export function feasibility(game: DeliberationGame): Feasibility {
  let deals = 0;
  let passing = 0;
  let unanimous = 0;
  for (const deal of allDeals(game.issues)) {
    deals++;
    if (passes(game, deal)) passing++;
    if (game.parties.every((p) => agrees(p, deal))) unanimous++;
  }
  return { deals, passing, unanimous };
}
