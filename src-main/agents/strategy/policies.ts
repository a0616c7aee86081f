// The decision rules of the strategy agents. A policy maps a View to what the agent would offer
// this round and the least (perceived, normalised) utility it accepts in this round's vote.
//
// Concession curve convention (DESIGN 5 asks to state it, because the literature uses two
// inverse ones): target(t) = 1 - (1 - res) * t^(1/e) with t = (round - 1) / (T - 1), so
// e < 1 is Boulware (holds out, concedes late), e = 1 linear, e > 1 Conceder (concedes early).
import { createRng, hashSeed } from '../../../games/rng';
import type { StrategyName } from '../../../src-shared/participant';
import { acceptProbability, modelOpponent, thresholdAt, type OpponentModel } from './model';
import { opponents, type View } from './view';

export interface Decision {
  /** Outcome index the agent offers this round. */
  offer: number;
  /** Its current aspiration (normalised own utility). */
  target: number;
  /** Least perceived own utility it accepts in this round's vote. */
  acceptAt: number;
  models: OpponentModel[];
}

export type Policy = (view: View) => Decision;

/** A decision rule plus the noise (sd, normalised utility) on the agent's own evaluations. */
export interface Strategy {
  decide: Policy;
  noise: number;
}

/** Default exponents per named curve (see the convention above). */
export const CURVE_EXPONENTS = { boulware: 0.2, linear: 1, conceder: 2 } as const;
/** Reservation of the time-based, tit-for-tat agents: half of their best utility. */
export const RESERVATION = 0.5;

export function concessionTarget(t: number, e: number, res: number): number {
  return 1 - (1 - res) * Math.pow(Math.min(1, Math.max(0, t)), 1 / e);
}

function sumU(models: readonly OpponentModel[], o: number): number {
  let s = 0;
  for (const m of models) s += m.u[o];
  return s;
}

/** Among outcomes worth >= target to us, the one the opponents (as modelled) like most. */
function friendliest(view: View, target: number, models: readonly OpponentModel[]): number {
  let best = -1;
  let bestScore = -Infinity;
  let fallback = 0;
  for (let o = 0; o < view.x.length; o++) {
    if (view.x[o] > view.x[fallback]) fallback = o;
    if (view.x[o] < target) continue;
    const score = sumU(models, o) + 1e-6 * view.x[o];
    if (score > bestScore) {
      bestScore = score;
      best = o;
    }
  }
  return best >= 0 ? best : fallback;
}

function nextTime(view: View): number {
  return view.rounds > 1 ? Math.min(1, view.round / (view.rounds - 1)) : 1;
}

function timeBased(e: number): Policy {
  return (view) => {
    const models = opponents(view).map((j) => modelOpponent(view, j, 1));
    const target = concessionTarget(view.t, e, RESERVATION);
    const offer = friendliest(view, target, models);
    const next = friendliest(view, concessionTarget(nextTime(view), e, RESERVATION), models);
    return { offer, target, acceptAt: Math.min(target, view.x[next]), models };
  };
}

const hardliner: Policy = (view) => {
  const models = opponents(view).map((j) => modelOpponent(view, j, 1));
  return { offer: friendliest(view, 1, models), target: 1, acceptAt: 0.95, models };
};

/**
 * Relative tit-for-tat (Faratin, Baarslag): start at the best outcome and lower the target by
 * exactly as much as the opponents' offers improved for us (in our own utility) from one round
 * to the next; never below the reservation.
 */
const titForTat: Policy = (view) => {
  const models = opponents(view).map((j) => modelOpponent(view, j, 1));
  const others = opponents(view);
  let target = 1;
  let previous: number | null = null;
  for (let r = 1; r < view.round; r++) {
    const values = others.flatMap((j) =>
      view.offers
        .filter((o) => o.round === r && o.proposer === j && o.index >= 0)
        .map((o) => view.x[o.index]),
    );
    if (values.length === 0) continue;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    if (previous !== null) target -= Math.max(0, mean - previous);
    previous = mean;
  }
  target = Math.max(RESERVATION, target);
  const acceptAt = view.round >= view.rounds ? RESERVATION : target;
  return { offer: friendliest(view, target, models), target, acceptAt, models };
};

/** Uniform random offer and threshold, drawn once per round so all of a round's texts agree. */
const random: Policy = (view) => {
  const rng = createRng(hashSeed(view.ctx.instance.seed, view.me, view.round, 'random-strategy'));
  const offer = rng.int(0, view.x.length - 1);
  const acceptAt = rng.next();
  return { offer, target: acceptAt, acceptAt, models: [] };
};

/** The knobs the capability c sets (exported for documentation and tests). */
export function boundedKnobs(c: number) {
  return {
    /** Sd of the noise on own evaluations (normalised utility). */
    noise: 0.25 * (1 - c),
    /** Weight on the opponent posterior versus the uninformed prior. */
    trust: c,
    /** Share of the remaining rounds the agent looks ahead (at least one). */
    lookahead: c,
    /** How far below its continuation value it still accepts (premature acceptance). */
    eagerness: 0.4 * (1 - c),
  };
}

/** Estimated Nash bargaining outcome: max of the product of (perceived, predicted) utilities. */
function nashPoint(view: View, models: readonly OpponentModel[]): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let o = 0; o < view.x.length; o++) {
    let v = Math.max(0, view.x[o]);
    for (const m of models) v *= m.u[o];
    if (v > bestValue) {
      bestValue = v;
      best = o;
    }
  }
  return best;
}

/** The outcome maximising P(accepted) * (x - continuation) at predicted thresholds `taus`. */
function bestBet(
  view: View,
  models: readonly OpponentModel[],
  taus: readonly number[],
  continuation: number,
): { index: number; gain: number } {
  let index = 0;
  let gain = -Infinity;
  for (let o = 0; o < view.x.length; o++) {
    const surplus = view.x[o] - continuation;
    if (surplus <= 0 && gain > -Infinity) continue;
    let q = 1;
    for (let i = 0; i < models.length; i++) q *= acceptProbability(models[i].u[o], taus[i]);
    const g = q * surplus + 1e-6 * sumU(models, o);
    if (g > gain) {
      gain = g;
      index = o;
    }
  }
  return { index, gain: Math.max(0, gain) };
}

/**
 * Bounded-rational agent with capability c. It proposes the outcome with the best expected
 * gain over its continuation value, accepts what beats that value, and computes the value by
 * backward induction over the rounds it looks ahead, from its opponent models' predicted
 * acceptance thresholds. Lower c: noisier own evaluations, a model shrunk towards the prior,
 * a shorter look-ahead (later rounds count as nothing) and acceptance below the value.
 */
function boundedRational(c: number): Policy {
  const knobs = boundedKnobs(c);
  return (view) => {
    const models = opponents(view).map((j) => modelOpponent(view, j, knobs.trust));
    const nbs = nashPoint(view, models);
    const floors = models.map((m) => 0.9 * m.u[nbs]);
    const gamma = view.ctx.protocol.gamma;
    const horizon = Math.max(1, Math.round(knobs.lookahead * (view.rounds - view.round)));
    let continuation = 0;
    for (let r = Math.min(view.rounds, view.round + horizon); r > view.round; r--) {
      const taus = models.map((m, i) => thresholdAt(view, m, r, floors[i]));
      continuation = gamma * (continuation + bestBet(view, models, taus, continuation).gain);
    }
    const taus = models.map((m, i) => thresholdAt(view, m, view.round, floors[i]));
    const offer = bestBet(view, models, taus, continuation).index;
    return { offer, target: view.x[offer], acceptAt: continuation * (1 - knobs.eagerness), models };
  };
}

/** The rule for a strategy; `exponent` overrides a curve's default, `capability` sets c. */
export function strategyFor(
  strategy: StrategyName,
  options: { exponent?: number; capability?: number } = {},
): Strategy {
  switch (strategy) {
    case 'boulware':
    case 'linear':
    case 'conceder':
      return { decide: timeBased(options.exponent ?? CURVE_EXPONENTS[strategy]), noise: 0 };
    case 'hardliner':
      return { decide: hardliner, noise: 0 };
    case 'tit-for-tat':
      return { decide: titForTat, noise: 0 };
    case 'random':
      return { decide: random, noise: 0 };
    case 'bounded-rational': {
      const c = options.capability ?? 0.5;
      return { decide: boundedRational(c), noise: boundedKnobs(c).noise };
    }
    case 'deliberation-rule':
      throw new Error('strategy "deliberation-rule" plays only deliberation games');
  }
}
