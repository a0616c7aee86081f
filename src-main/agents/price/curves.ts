// Price strategies (DESIGN 5), with the published price-domain formulas. t = turn, T = turn
// limit, start = reservation + margin (seller) or - margin (buyer). Time-based concession:
// P(t) = start + (res - start) * min(cap, t/T)^beta, cap 0.95.
//
// Exponent convention: three are in use (NegMAS puts e on t with Boulware e > 1; Genius uses
// t^(1/e) with Boulware e < 1; the price-domain code uses beta > 1 for tough). Parley follows the
// price-domain code and stores the curve name and this convention with every decision.
import type { StrategyName } from '../../../src-shared/participant';

export const PRICE_CAP = 0.95;
export const EXPONENT_CONVENTION =
  'price-domain: P(t) = start + (res - start) * min(0.95, t/T)^beta; beta > 1 concedes late (tough), beta < 1 early';

/** Named curves and their beta (price-domain convention). */
export const CURVES = {
  'very-conceding': 0.2,
  conceding: 0.5,
  conceder: 0.5,
  linear: 1,
  boulware: 2,
  hard: 4,
} as const satisfies Partial<Record<StrategyName, number>>;
export type CurveName = keyof typeof CURVES;

export function isCurve(name: string): name is CurveName {
  return name in CURVES;
}

/** P(t) of a time-based curve. */
export function curvePrice(
  start: number,
  reservation: number,
  t: number,
  T: number,
  beta: number,
): number {
  return start + (reservation - start) * Math.pow(Math.min(PRICE_CAP, t / T), beta);
}
