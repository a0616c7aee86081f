// Decisions of the price strategies (DESIGN 5) for one turn of the price game, from what the
// mover can see: its role and reservation, the margin, the turn, and the offers so far.
import { createRng } from '../../../games/rng';
import type { StrategyName } from '../../../src-shared/participant';
import { CURVES, EXPONENT_CONVENTION, curvePrice, isCurve } from './curves';

/** What a price strategy sees on its turn. */
export interface PriceView {
  role: 'seller' | 'buyer';
  reservation: number;
  margin: number;
  turn: number;
  turnLimit: number;
  /** Its own earlier offers and the other side's, oldest first. */
  mine: number[];
  theirs: number[];
  /** The other side's standing offer, if any. */
  standing: number | null;
  /** Seed of this call (random strategy only). */
  callSeed: number;
}

export interface PriceDecision {
  verb: 'OFFER' | 'ACCEPT';
  price?: number;
  /** The price this strategy would offer now (what it accepts against). */
  target: number;
  /** The rule used, e.g. "boulware (beta 2)". */
  rule: string;
  /** For time-based curves: the curve, its exponent and the exponent convention. */
  curve?: { curve: string; exponent: number; convention: string };
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** Strategies that play the price game. */
export const PRICE_STRATEGIES = [
  'very-conceding',
  'conceding',
  'conceder',
  'linear',
  'boulware',
  'hard',
  'hardliner',
  'tit-for-tat',
  'fixed-price-strict',
  'fixed-price-loose',
  'split-the-difference',
  'random',
] as const satisfies readonly StrategyName[];

/** True when `price` is at least as good as `target` for this side. */
function atLeast(v: PriceView, price: number, target: number): boolean {
  return v.role === 'seller' ? price >= target : price <= target;
}

/** Never past the reservation. */
function clip(v: PriceView, price: number): number {
  return v.role === 'seller' ? Math.max(v.reservation, price) : Math.min(v.reservation, price);
}

/** The price the strategy wants now, and the name of its rule. */
function target(
  name: StrategyName,
  v: PriceView,
  exponent: number | undefined,
): { price: number; accept: number; rule: string; curve?: PriceDecision['curve'] } {
  const sign = v.role === 'seller' ? 1 : -1;
  const start = v.reservation + sign * v.margin;
  if (isCurve(name)) {
    const beta = exponent ?? CURVES[name];
    const p = curvePrice(start, v.reservation, v.turn, v.turnLimit, beta);
    return {
      price: p,
      accept: p,
      rule: `${name} curve (beta ${beta})`,
      curve: { curve: name, exponent: beta, convention: EXPONENT_CONVENTION },
    };
  }
  switch (name) {
    case 'hardliner': {
      // Holds its start until its last turn, then goes to the reservation plus a small step.
      const isLast = v.turn >= v.turnLimit - 1;
      const p = isLast ? v.reservation + sign * 0.025 * v.margin : start;
      return { price: p, accept: p, rule: 'hardliner (start until its last turn)' };
    }
    case 'tit-for-tat': {
      // Concedes by the other side's last concession, never past the reservation.
      const last = v.mine.at(-1);
      if (last === undefined) return { price: start, accept: start, rule: 'tit-for-tat (opening)' };
      const [a, b] = [v.theirs.at(-2), v.theirs.at(-1)];
      const conceded = a !== undefined && b !== undefined ? Math.max(0, sign * (b - a)) : 0;
      const p = clip(v, last - sign * conceded);
      return {
        price: p,
        accept: p,
        rule: `tit-for-tat (mirrors a concession of ${cents(conceded)})`,
      };
    }
    case 'fixed-price-strict':
    case 'fixed-price-loose': {
      // One price, halfway between the reservation and the start; loose accepts a quarter-margin less.
      const p = v.reservation + (sign * v.margin) / 2;
      const slack = name === 'fixed-price-loose' ? v.margin / 4 : 0;
      return { price: p, accept: clip(v, p - sign * slack), rule: name };
    }
    case 'split-the-difference': {
      const [mine, theirs] = [v.mine.at(-1), v.theirs.at(-1)];
      const p = mine === undefined || theirs === undefined ? start : clip(v, (mine + theirs) / 2);
      return { price: p, accept: p, rule: 'split-the-difference' };
    }
    case 'random': {
      // Uniform between the reservation and the start, drawn from the call's seed.
      const u = createRng(v.callSeed).next();
      const p = v.reservation + sign * u * v.margin;
      return { price: p, accept: p, rule: 'random (uniform between reservation and start)' };
    }
    default:
      throw new Error(
        `strategy "${name}" does not play the price game; use one of ${PRICE_STRATEGIES.join(', ')}`,
      );
  }
}

/**
 * The move of `name` this turn: ACCEPT a standing offer at least as good as what it would ask
 * now (and within its reservation), else OFFER its price. As in the published price-domain
 * strategies, there is no walk-away: on the last turn a strategy still offers, and the game ends
 * at its turn limit with no deal (so a failed episode has T decisions, as the Janus pipeline's
 * data preparation requires of a failure).
 */
export function decidePrice(name: StrategyName, v: PriceView, exponent?: number): PriceDecision {
  const t = target(name, v, exponent);
  const price = cents(t.price);
  const base = { target: price, rule: t.rule, ...(t.curve ? { curve: t.curve } : {}) };
  if (
    v.standing !== null &&
    atLeast(v, v.standing, t.accept) &&
    atLeast(v, v.standing, v.reservation)
  )
    return { verb: 'ACCEPT', ...base };
  return { verb: 'OFFER', price, ...base };
}
