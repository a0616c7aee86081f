// Bayesian opponent model over preference hypotheses drawn from the game's own generator
// (generic over games): an opponent's listed proposals are likely under hypotheses that value
// them highly, and its published votes are likely under hypotheses that agree with them. Its
// acceptance threshold is extrapolated from how its own proposals concede over the rounds.
import { hypothesesOf, maxOf } from './space';
import type { View } from './view';

export interface OpponentModel {
  agent: number;
  /** Predicted normalised utility of each outcome for this opponent. */
  u: Float64Array;
  /** Posterior weight of each hypothesis (after shrinking towards uniform). */
  weights: Float64Array;
  /** The opponent's predicted normalised utility of its latest offer (null with none yet). */
  aspiration: number | null;
  /** Estimated concession per round in its own (predicted) utility. */
  concession: number;
  /** Round of its latest offer (0 when none). */
  lastRound: number;
}

/** Sharpness of the likelihoods: proposals and votes, in nats per unit of normalised utility. */
const PROPOSAL_BETA = 6;
const VOTE_BETA = 4;
/** Slope of the predicted acceptance probability around the threshold. */
const ACCEPT_SCALE = 0.05;

function logSigmoid(z: number): number {
  return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
}

/**
 * Model opponent `j`. `trust` in [0, 1] is how far the posterior is used: 0 keeps the
 * uninformed prior (every hypothesis equally likely), 1 is the full posterior.
 */
export function modelOpponent(view: View, j: number, trust: number): OpponentModel {
  const { rows } = hypothesesOf(view.ctx.game, view.ctx.instance, view.me, j);
  const k = rows.length;
  const logw = new Float64Array(k);
  const own = view.offers.filter((o) => o.proposer === j && o.index >= 0);
  for (const o of own) for (let h = 0; h < k; h++) logw[h] += PROPOSAL_BETA * rows[h][o.index];
  for (const v of view.votes) {
    if (v.agent !== j || v.offer.index < 0 || v.offer.proposer === j) continue;
    const sign = v.vote === 'accept' ? 1 : -1;
    for (let h = 0; h < k; h++)
      logw[h] += logSigmoid(sign * VOTE_BETA * (rows[h][v.offer.index] - 0.5));
  }
  const top = maxOf(logw);
  let total = 0;
  const weights = new Float64Array(k);
  for (let h = 0; h < k; h++) {
    weights[h] = Math.exp(logw[h] - top);
    total += weights[h];
  }
  for (let h = 0; h < k; h++) weights[h] = trust * (weights[h] / total) + (1 - trust) / k;
  const u = new Float64Array(view.space.outcomes.length);
  for (let h = 0; h < k; h++) {
    const w = weights[h];
    const row = rows[h];
    for (let o = 0; o < u.length; o++) u[o] += w * row[o];
  }
  const last = own.at(-1);
  const prev = own.length > 1 ? own[own.length - 2] : undefined;
  const aspiration = last ? u[last.index] : null;
  const concession =
    last && prev && last.round > prev.round
      ? Math.max(0, (u[prev.index] - u[last.index]) / (last.round - prev.round))
      : 0;
  return { agent: j, u, weights, aspiration, concession, lastRound: last?.round ?? 0 };
}

/**
 * The opponent's predicted acceptance threshold in `round`: its latest offer's predicted value,
 * lowered by its observed concession rate, but assumed to reach at least `floor` (its share
 * of a fair deal) by the last round; published accepts cap it, fresh rejects raise it.
 */
export function thresholdAt(view: View, m: OpponentModel, round: number, floor: number): number {
  // Before any offer, assume the opponent starts from its best outcome.
  const aspiration = m.aspiration ?? 1;
  const left = Math.max(1, view.rounds - m.lastRound);
  const rate = Math.max(m.concession, (aspiration - floor) / left);
  let tau = aspiration - rate * Math.max(0, round - m.lastRound) - 0.02;
  for (const v of view.votes) {
    if (v.agent !== m.agent || v.offer.index < 0 || v.offer.proposer === m.agent) continue;
    const value = m.u[v.offer.index];
    if (v.vote === 'accept' && round - v.round <= 2) tau = Math.min(tau, value);
    if (v.vote === 'reject' && v.round === round - 1 && value + 0.01 < aspiration)
      tau = Math.max(tau, value + 0.01);
  }
  return Math.min(1, Math.max(0, tau));
}

/** Probability that an opponent with threshold `tau` accepts an outcome worth `u` to it. */
export function acceptProbability(u: number, tau: number): number {
  return 1 / (1 + Math.exp(-(u - tau) / ACCEPT_SCALE));
}
