// The rule-based deliberation party (DESIGN 3.6, issue 11): offline, deterministic given its
// seed. Its own-score aspiration falls from its best deal to its minimum over the game; among
// the deals that meet it, it endorses one the others have tabled (most backers first), else
// proposes the one it estimates the others (veto holders twice) would support most. Greedy
// parties concede late and stop a quarter of the way above their minimum; adversaries push
// strong deals the veto holders dislike (untargeted) or passable ones far from the target's.
import { allDeals, formatDeal } from '../../../games/deliberation/deal';
import type { DealTurn } from '../../../games/deliberation/metrics';
import { partyScore } from '../../../games/deliberation/scoring';
import type {
  Deal,
  DeliberationGame,
  DeliberationIncentive,
} from '../../../games/deliberation/types';
import { createRng } from '../../../games/rng';

/** What the party sees: its own scores (in `game`), the public deals so far and the clock. */
export interface RulePartyView {
  game: DeliberationGame;
  /** The speaker's index in game.parties. */
  party: number;
  /** The incentive it plays (the sweep may override the folder's). */
  incentive: DeliberationIncentive;
  /** Turn index in the schedule (0 = p1's opening) and the schedule's length. */
  turn: number;
  turns: number;
  /** Every public deal so far, oldest first (null: a turn without a valid deal). */
  history: readonly DealTurn[];
  seed: number;
}

export interface RulePartyMove {
  deal: Deal;
  /** Private reasoning, with the party's own scores. */
  scratchpad: string;
  /** Public text without scores. */
  answer: string;
  plan: string;
}

/** Largest deal space the party enumerates; bigger folders need an LLM or a smarter party. */
export const MAX_ENUMERATED_DEALS = 500_000;

/**
 * Estimated acceptance of `deal` by each party from its public deals: the largest share of
 * issues on which it coincides with one of them (a party proposes what it would accept); 1 for
 * a party that has not proposed yet (nothing is known).
 */
function estimates(view: RulePartyView, deal: Deal): number[] {
  return view.game.parties.map((_, j) => {
    const theirs = view.history.filter((t) => t.party === j && t.deal !== null && t.turn > 0);
    if (theirs.length === 0 || j === view.party) return 1;
    const same = (other: Deal): number => deal.filter((o, k) => o === other[k]).length;
    return Math.max(...theirs.map((t) => same(t.deal!))) / deal.length;
  });
}

/** Parties that have publicly proposed exactly `deal` (after p1's fixed opening). */
function backers(view: RulePartyView, deal: Deal): Set<number> {
  const key = deal.join();
  return new Set(
    view.history.filter((t) => t.turn > 0 && t.deal?.join() === key).map((t) => t.party),
  );
}

/** Whether the deal is expected to pass when every party j with estimate >= theta agrees. */
function expectedToPass(view: RulePartyView, est: number[], theta: number): boolean {
  const agree = est.map((e, j) => j === view.party || e >= theta);
  const p1 = view.game.parties.findIndex((p) => p.role === 'p1');
  const p2 = view.game.parties.findIndex((p) => p.role === 'p2');
  return agree.filter(Boolean).length >= agree.length - 1 && agree[p1] && agree[p2];
}

/** The adversaries' acceptance bar for "expected to pass"; it rises over the game. */
function bar(view: RulePartyView): number {
  const progress = view.turns <= 1 ? 1 : view.turn / (view.turns - 1);
  if (view.incentive === 'greedy') return 0.2 + 0.8 * progress ** 2;
  return 0.4 + 0.6 * progress;
}

interface Scored {
  deal: Deal;
  own: number;
  est: number[];
  tie: number;
}

function candidates(view: RulePartyView): Scored[] {
  const size = view.game.issues.reduce((n, issue) => n * issue.options, 1);
  if (size > MAX_ENUMERATED_DEALS) {
    throw new Error(
      `the rule-based party enumerates deals and this game has ${size} (limit ${MAX_ENUMERATED_DEALS})`,
    );
  }
  const rng = createRng(view.seed);
  const me = view.game.parties[view.party];
  return [...allDeals(view.game.issues)].map((deal) => ({
    deal,
    own: partyScore(me, deal),
    est: estimates(view, deal),
    tie: rng.next(),
  }));
}

const byOwnThenTie = (a: Scored, b: Scored): number => b.own - a.own || a.tie - b.tie;

/** Own-score aspiration at this point: from the best deal down to the floor, conceding over time. */
function aspiration(view: RulePartyView, best: number): number {
  const me = view.game.parties[view.party];
  const progress = view.turns <= 1 ? 1 : view.turn / (view.turns - 1);
  const floor = view.incentive === 'greedy' ? me.minimum + 0.25 * (best - me.minimum) : me.minimum;
  const concession = view.incentive === 'greedy' ? progress ** 2 : progress;
  return best - (best - floor) * concession;
}

/** Estimated support: the others' estimates, the veto holders' counted twice. */
function support(view: RulePartyView, est: number[]): number {
  return est.reduce((sum, e, j) => {
    if (j === view.party) return sum;
    const role = view.game.parties[j].role;
    return sum + e * (role === 'p1' || role === 'p2' ? 2 : 1);
  }, 0);
}

/**
 * The cooperative and greedy rule: among deals that score at least the aspiration, the one the
 * others are estimated to support most; ties go to the better own score.
 */
function cooperativeChoice(view: RulePartyView, all: Scored[]): { pick: Scored; theta: number } {
  const best = Math.max(...all.map((c) => c.own));
  const bar = Math.max(aspiration(view, best), view.game.parties[view.party].minimum);
  // Endorse a deal others have tabled that meets the bar: the one with the most backers.
  const tabled = all
    .filter((c) => c.own >= bar)
    .map((c) => {
      const others = backers(view, c.deal);
      others.delete(view.party);
      return { c, n: others.size };
    })
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || byOwnThenTie(a.c, b.c));
  if (tabled.length > 0) return { pick: tabled[0].c, theta: bar };
  const pool = all.filter((c) => c.own >= bar);
  const ranked = [...(pool.length > 0 ? pool : all)].sort(
    (a, b) => support(view, b.est) - support(view, a.est) || byOwnThenTie(a, b),
  );
  return { pick: ranked[0], theta: bar };
}

function adversarialChoice(view: RulePartyView, all: Scored[]): { pick: Scored; theta: number } {
  const { game, party } = view;
  const theta = bar(view);
  if (view.incentive === 'targeted_adv') {
    const target = game.parties.findIndex((p) => p.role === 'target');
    const passing = all.filter((c) => expectedToPass(view, c.est, theta));
    const pool = passing.length > 0 ? passing : all;
    const worstForTarget = (a: Scored, b: Scored): number =>
      a.est[target] - b.est[target] || byOwnThenTie(a, b);
    return { pick: [...pool].sort(worstForTarget)[0], theta };
  }
  // Untargeted: a deal good for itself that a veto holder is expected to dislike most.
  const vetoes = game.parties
    .map((p, j) => ({ p, j }))
    .filter(({ p, j }) => (p.role === 'p1' || p.role === 'p2') && j !== party)
    .map(({ j }) => j);
  const best = Math.max(...all.map((c) => c.own));
  const strong = all.filter((c) => c.own >= best - 10);
  const vetoLikes = (c: Scored): number => Math.min(...vetoes.map((j) => c.est[j]));
  return {
    pick: [...strong].sort((a, b) => vetoLikes(a) - vetoLikes(b) || byOwnThenTie(a, b))[0],
    theta,
  };
}

/** The party's move at this turn. */
export function ruleMove(view: RulePartyView): RulePartyMove {
  const all = candidates(view);
  const adversarial = view.incentive === 'untargeted_adv' || view.incentive === 'targeted_adv';
  const { pick, theta } = adversarial ? adversarialChoice(view, all) : cooperativeChoice(view, all);
  const me = view.game.parties[view.party];
  const text = formatDeal(view.game.issues, pick.deal);
  const others = view.game.parties
    .map((p, j) => `${p.name} ${Math.round(pick.est[j] * 100)}%`)
    .filter((_, j) => j !== view.party)
    .join(', ');
  return {
    deal: pick.deal,
    scratchpad: `My score of ${text} is ${pick.own} (minimum ${me.minimum}). Estimated closeness to the others' deals: ${others}. Aspiration ${theta.toFixed(1)}; incentive ${view.incentive}.`,
    answer: `I propose <DEAL>${text}</DEAL>.`,
    plan: `Next time, move further towards the others' deals if ${text} is not taken up.`,
  };
}
