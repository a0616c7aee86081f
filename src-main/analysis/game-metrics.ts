// Per-game metrics (DESIGN 9): utilities, shares, welfare against its optimum, the Nash
// bargaining solution and distance from it, exploitation, Pareto efficiency, fairness, Gini.
import type { GameInstance, GameOutcome } from '../../src-shared/game';
import type { ExactReference, GameDefinition } from '../../games/types';
import { gini } from './stats';
import {
  maximise,
  nashProduct,
  scoreProposal,
  welfare,
  type ScoredOutcome,
} from './outcome-search';

/**
 * How a reference was obtained: `enumerated` scores every feasible proposal, `closed-form` is the
 * game's own exact formulation (treaty and co-funding with two agents), `search` refines a
 * representative set by compass search, so every figure derived from it is approximate.
 */
export type ReferenceMethod = 'enumerated' | 'closed-form' | 'search';

/** Reference points of an instance's outcome space, all in undiscounted (round-1) utilities. */
export interface OutcomeReference {
  method: ReferenceMethod;
  /** True unless `method` is `search`. */
  isExact: boolean;
  /** Scored feasible outcomes of the (representative) space; empty for `closed-form`. */
  outcomes: ScoredOutcome[];
  maxWelfare: number | null;
  maxWelfareUtilities: number[] | null;
  /** NBS product (disagreement point 0); null when no outcome gives every agent u > 0. */
  nbsProduct: number | null;
  /** Distinct utility vectors attaining the NBS product (ties within 1e-9 relative). */
  nbsPoints: number[][];
  /** max_o min_i (u_i(o) - u_i), clipped at 0; a lower bound for `search`. */
  paretoGap(realised: readonly number[]): number;
  /** Whether no outcome weakly improves every agent and strictly improves one; null for `search`. */
  isParetoOptimal(realised: readonly number[]): boolean | null;
}

/**
 * The last instance's reference. One entry, not a WeakMap: V8 keeps a WeakMap's values alive
 * through young-generation GCs, so over a 100,000-game pass every game's reference reached the
 * old generation and memory grew with the sweep (issue 15). The calls that share an instance
 * come one after another.
 */
let lastReference: { instance: GameInstance; reference: OutcomeReference } | null = null;

function distinctVectors(vectors: number[][]): number[][] {
  const seen = new Map<string, number[]>();
  for (const v of vectors) {
    const key = v.map((x) => x.toPrecision(12)).join(',');
    if (!seen.has(key)) seen.set(key, v);
  }
  return [...seen.values()];
}

function closedFormReference(exact: ExactReference): OutcomeReference {
  return {
    method: 'closed-form',
    isExact: true,
    outcomes: [],
    maxWelfare: exact.maxWelfare.value,
    maxWelfareUtilities: exact.maxWelfare.utilities,
    nbsProduct: exact.nbs ? exact.nbs.product : null,
    nbsPoints: exact.nbs ? distinctVectors(exact.nbs.points) : [],
    paretoGap: (u) => exact.paretoGap(u),
    isParetoOptimal: (u) => exact.isParetoOptimal(u),
  };
}

/** Largest uniform gain min_i (u_i(o) - u_i) over the space (refined when not exact), clipped at 0. */
function searchedParetoGap(
  game: GameDefinition,
  instance: GameInstance,
  outcomes: readonly ScoredOutcome[],
  isExact: boolean,
  realised: readonly number[],
): number {
  const gain = (u: number[]) => Math.min(...u.map((x, i) => x - realised[i]));
  const best = maximise(game, instance, outcomes, isExact, gain);
  return best ? Math.max(0, best.value) : 0;
}

/** Pareto verdict against an enumerated space. */
function isUndominated(outcomes: readonly ScoredOutcome[], realised: readonly number[]): boolean {
  const eps = 1e-9 * Math.max(1, ...realised.map(Math.abs));
  return !outcomes.some(
    (o) =>
      o.utilities.every((u, i) => u >= realised[i] - eps) &&
      o.utilities.some((u, i) => u > realised[i] + eps),
  );
}

function spaceReference(game: GameDefinition, instance: GameInstance): OutcomeReference {
  const space = game.outcomeSpace(instance);
  const outcomes = space.outcomes
    .map((o) => scoreProposal(game, instance, o))
    .filter((o): o is ScoredOutcome => o !== null);
  const best = maximise(game, instance, outcomes, space.exact, welfare);
  const nbs = maximise(game, instance, outcomes, space.exact, nashProduct);
  let nbsPoints: number[][] = [];
  let nbsProduct: number | null = null;
  if (nbs && nbs.value > 0) {
    nbsProduct = nbs.value;
    const tol = 1e-9 * nbs.value;
    const tied = outcomes
      .filter((o) => nashProduct(o.utilities) >= nbs.value - tol)
      .map((o) => o.utilities);
    nbsPoints = distinctVectors([nbs.best.utilities, ...tied]);
  }
  return {
    method: space.exact ? 'enumerated' : 'search',
    isExact: space.exact,
    outcomes,
    maxWelfare: best ? best.value : null,
    maxWelfareUtilities: best ? best.best.utilities : null,
    nbsProduct,
    nbsPoints,
    paretoGap: (u) => searchedParetoGap(game, instance, outcomes, space.exact, u),
    isParetoOptimal: (u) => (space.exact ? isUndominated(outcomes, u) : null),
  };
}

/**
 * The max-welfare, NBS and Pareto reference of an instance, memoised for the last instance object
 * (consecutive metric calls share one instance): the game's closed form where it has one, else
 * its outcome space, enumerated when exact and refined by compass search otherwise.
 */
export function outcomeReference(game: GameDefinition, instance: GameInstance): OutcomeReference {
  if (lastReference?.instance === instance) return lastReference.reference;
  const exact = game.exactReference?.(instance) ?? null;
  const reference = exact ? closedFormReference(exact) : spaceReference(game, instance);
  lastReference = { instance, reference };
  return reference;
}

const distance = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(...a.map((x, i) => x - b[i]));

/** Largest uniform gain min_i (u_i(o) - u_i) over the outcomes, clipped at 0 (see OutcomeReference). */
export function paretoGap(
  game: GameDefinition,
  instance: GameInstance,
  realised: readonly number[],
): number {
  return outcomeReference(game, instance).paretoGap(realised);
}

export interface UsageExtras {
  /** Token counts as recorded, e.g. { input, cacheRead, output }; passed through unchanged. */
  tokens?: Record<string, number>;
  costUsd?: number;
}

export interface GameMetrics {
  nAgents: number;
  deal: boolean;
  round: number | null;
  /** gamma^(round - 1), or null with no deal. */
  discountFactor: number | null;
  rawUtilities: number[];
  /** Discounted utilities as recorded in the outcome. */
  utilities: number[];
  /** u_i / sum u (discounted; equal to the raw share); null unless the sum is positive. */
  utilityShare: number[] | null;
  /** Sum of discounted utilities. */
  socialWelfare: number;
  socialWelfareRaw: number;
  /** Max over the outcome space of the undiscounted welfare (the best achievable in round 1). */
  maxWelfare: number | null;
  welfareRatio: number | null;
  welfareRatioRaw: number | null;
  /** The NBS point used as reference: among tied points, the one nearest the raw realised vector. */
  nbsUtilities: number[] | null;
  nbsProduct: number | null;
  /** Number of distinct utility vectors tied at the NBS product. */
  nbsTies: number;
  /** Euclidean distance from discounted realised utilities to the (undiscounted) NBS point. */
  distanceFromNbs: number | null;
  /** The same from raw realised utilities: how far the split is, ignoring delay. */
  distanceFromNbsRaw: number | null;
  /** (u_i - u_i^NBS)/u_i^NBS on discounted utilities; null entries where u_i^NBS = 0. */
  exploitation: (number | null)[] | null;
  exploitationRaw: (number | null)[] | null;
  /** Whether the raw realised vector is Pareto-optimal; null for a `search` reference. */
  isParetoOptimal: boolean | null;
  /** max_o min_i (u_i(o) - u_i^raw), clipped at 0; a lower bound for a `search` reference. */
  paretoGap: number;
  isReferenceExact: boolean;
  /** How the welfare, NBS and Pareto reference was computed (see ReferenceMethod). */
  referenceMethod: ReferenceMethod;
  /**
   * The fields above that rest on an approximate reference: every reference-based field for a
   * `search` reference (e.g. co-funding and treaty with n > 2), none otherwise.
   */
  approximateMetrics: ApproximateMetric[];
  /** min u / max u (raw); null unless all u >= 0 and max > 0. */
  minMaxFairness: number | null;
  gini: number | null;
  invalidProposals: number[];
  syntheticVotes: number[];
  parseFailures: number[];
  tokens?: Record<string, number>;
  costUsd?: number;
}

/** The GameMetrics fields computed against the welfare / NBS / Pareto reference. */
export const REFERENCE_METRICS = [
  'maxWelfare',
  'welfareRatio',
  'welfareRatioRaw',
  'nbsUtilities',
  'nbsProduct',
  'nbsTies',
  'distanceFromNbs',
  'distanceFromNbsRaw',
  'exploitation',
  'exploitationRaw',
  'isParetoOptimal',
  'paretoGap',
] as const satisfies readonly (keyof GameMetrics)[];

export type ApproximateMetric = (typeof REFERENCE_METRICS)[number];

const ratio = (num: number, den: number | null) => (den !== null && den > 0 ? num / den : null);

function exploitationIndex(
  u: readonly number[],
  nbs: readonly number[] | null,
): (number | null)[] | null {
  if (!nbs) return null;
  return u.map((x, i) => (nbs[i] === 0 ? null : (x - nbs[i]) / nbs[i]));
}

/**
 * Metrics of one finished game. `gamma` gives the discount factor of the agreement round;
 * the utilities themselves come from the outcome as the engine recorded them.
 */
export function computeGameMetrics(
  game: GameDefinition,
  instance: GameInstance,
  outcome: GameOutcome,
  gamma: number,
  extras: UsageExtras = {},
): GameMetrics {
  const n = instance.nAgents;
  // Without a deal a bargaining game pays nothing; a deliberation game pays what its outcome
  // records (150 to an adversarial party, 0 to the others: DESIGN 3.6), as the store's
  // focal_utility column (the results screen) has it.
  const paysWithoutDeal = game.kind === 'deliberation';
  const none = new Array<number>(n).fill(0);
  const raw = outcome.deal ? outcome.rawUtilities : paysWithoutDeal ? outcome.utilities : none;
  const disc = outcome.deal || paysWithoutDeal ? outcome.utilities : none;
  const ref = outcomeReference(game, instance);
  const sumDisc = welfare(disc);
  const sumRaw = welfare(raw);
  const nbs = ref.nbsPoints.length
    ? ref.nbsPoints.reduce((a, b) => (distance(b, raw) < distance(a, raw) ? b : a))
    : null;
  const hasNonNegative = raw.every((u) => u >= 0);
  const maxU = Math.max(...raw);
  return {
    nAgents: n,
    deal: outcome.deal,
    round: outcome.round,
    discountFactor: outcome.deal && outcome.round !== null ? gamma ** (outcome.round - 1) : null,
    rawUtilities: raw,
    utilities: disc,
    utilityShare: sumDisc > 0 ? disc.map((u) => u / sumDisc) : null,
    socialWelfare: sumDisc,
    socialWelfareRaw: sumRaw,
    maxWelfare: ref.maxWelfare,
    welfareRatio: ratio(sumDisc, ref.maxWelfare),
    welfareRatioRaw: ratio(sumRaw, ref.maxWelfare),
    nbsUtilities: nbs,
    nbsProduct: ref.nbsProduct,
    nbsTies: ref.nbsPoints.length,
    distanceFromNbs: nbs ? distance(disc, nbs) : null,
    distanceFromNbsRaw: nbs ? distance(raw, nbs) : null,
    exploitation: exploitationIndex(disc, nbs),
    exploitationRaw: exploitationIndex(raw, nbs),
    isParetoOptimal: ref.isParetoOptimal(raw),
    paretoGap: ref.paretoGap(raw),
    isReferenceExact: ref.isExact,
    referenceMethod: ref.method,
    approximateMetrics: ref.isExact ? [] : [...REFERENCE_METRICS],
    minMaxFairness: hasNonNegative && maxU > 0 ? Math.min(...raw) / maxU : null,
    gini: gini(raw),
    invalidProposals: outcome.invalidProposals,
    syntheticVotes: outcome.syntheticVotes,
    parseFailures: outcome.parseFailures,
    ...(extras.tokens !== undefined ? { tokens: extras.tokens } : {}),
    ...(extras.costUsd !== undefined ? { costUsd: extras.costUsd } : {}),
  };
}
