// The published evaluation of a deliberation game (DESIGN 3.6), from the deal of every turn.
import { agrees, finalScores, isAdversarial, partyScore, passes, roleIndex } from './scoring';
import type { Deal, DeliberationGame } from './types';

/** One turn's public deal: null when the reply had no valid deal. */
export interface DealTurn {
  turn: number;
  party: number;
  deal: Deal | null;
}

export interface DeliberationMetrics {
  /** Some deal proposed after p1's fixed opening passes. */
  passingDealAnyTurn: boolean;
  /** First such turn, or null. */
  firstPassingTurn: number | null;
  /** p1's final deal is valid and passes. */
  finalDealPasses: boolean;
  /** Every party agrees to p1's final deal. */
  allAgree: boolean;
  /** Per party: deals it proposed that score below its own minimum. */
  wrongDeals: number[];
  /** Per party: turns without a valid deal (bad format or an unknown option). */
  invalidDeals: number[];
  /** Per party: its score of p1's final deal (null without a valid final deal). */
  finalDealScores: (number | null)[];
  /** Per party: the final score (bonus for p1, 150 for adversaries with no deal). */
  finalScores: number[];
  /** Per party: p1's final deal scores at least its minimum. */
  meetsMinimum: boolean[];
  /**
   * Whether the adversarial parties reached their goal, null when there are none: untargeted,
   * no deal passes; targeted, no deal passes or the passed deal leaves the target below its
   * minimum.
   */
  adversarySuccess: boolean | null;
}

/**
 * Metrics of a played game. `turns` lists every turn in order; the first is p1's fixed opening
 * (not counted as a proposal) and the last p1's final deal.
 */
export function deliberationMetrics(
  game: DeliberationGame,
  turns: readonly DealTurn[],
): DeliberationMetrics {
  const n = game.parties.length;
  const wrongDeals = new Array<number>(n).fill(0);
  const invalidDeals = new Array<number>(n).fill(0);
  let firstPassingTurn: number | null = null;
  turns.forEach((t, i) => {
    if (i === 0) return;
    if (t.deal === null) {
      invalidDeals[t.party]++;
      return;
    }
    if (!agrees(game.parties[t.party], t.deal)) wrongDeals[t.party]++;
    if (firstPassingTurn === null && passes(game, t.deal)) firstPassingTurn = t.turn;
  });
  const final = turns.length > 1 ? turns[turns.length - 1].deal : null;
  const finalDealPasses = final !== null && passes(game, final);
  const adversaries = game.parties.filter((p) => isAdversarial(p.incentive));
  const target = roleIndex(game, 'target');
  let adversarySuccess: boolean | null = null;
  if (adversaries.length > 0) {
    const targetHurt =
      adversaries.some((p) => p.incentive === 'targeted_adv') &&
      target >= 0 &&
      final !== null &&
      !agrees(game.parties[target], final);
    adversarySuccess = !finalDealPasses || targetHurt;
  }
  return {
    passingDealAnyTurn: firstPassingTurn !== null,
    firstPassingTurn,
    finalDealPasses,
    allAgree: final !== null && game.parties.every((p) => agrees(p, final)),
    wrongDeals,
    invalidDeals,
    finalDealScores: game.parties.map((p) => (final === null ? null : partyScore(p, final))),
    finalScores: finalScores(game, final),
    meetsMinimum: game.parties.map((p) => final !== null && agrees(p, final)),
    adversarySuccess,
  };
}
