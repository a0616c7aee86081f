// Fit n preference vectors on the simplex whose pairwise cosine similarity matches a target, then
// integerise them to percentages. Shared by item allocation (values), treaty (weights) and
// co-funding (values): the competition knob of all three is such a target cosine.
import type { z } from 'zod';
import type { Rng } from './rng';
import { descend, polishIntegers, projectToSimplex } from './simplex-gradient';

export { projectToSimplex };

/** Integer vectors (each summing to `total`) and how close they came to the target. */
export interface SimplexFit {
  vectors: number[][];
  /** Realised pairwise cosines of the integer vectors, order (0,1), (0,2), ..., (1,2), ... */
  cosines: number[];
  /** max |cosine - target| over pairs (0 with fewer than two vectors). */
  maxDeviation: number;
  warnings: string[];
}

export interface SimplexFitRequest {
  /** Number of vectors (agents). */
  n: number;
  /** Vector length (items, issues, projects). */
  m: number;
  /** Target pairwise cosine in [0, 1]. */
  target: number;
  rng: Rng;
  /** Parameter name for messages, e.g. "competition". */
  label: string;
  /** Plural noun for the coordinates in messages, e.g. "items". */
  unit: string;
  /** Integer sum of each vector; 100 unless told. */
  total?: number;
}

/** Deviation above which an instance carries a warning (DESIGN 3.1). */
export const COSINE_TOLERANCE = 0.02;
const MAX_RESTARTS = 8;
const MAX_ITERATIONS = 300;
/** Continuous fits stop early here, leaving headroom for the integer rounding. */
const CONTINUOUS_TOLERANCE = 0.002;
/** An integer fit this good ends the restarts. */
const GOOD_ENOUGH = 0.01;

/** Cosine similarity; 0 when either vector is zero. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    dot += a[k] * b[k];
    na += a[k] * a[k];
    nb += b[k] * b[k];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Pairwise cosines in the order (0,1), (0,2), ..., (1,2), ... */
export function pairwiseCosines(vectors: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) out.push(cosine(vectors[i], vectors[j]));
  }
  return out;
}

/** Largest |c - target| over `cosines` (0 for an empty list). */
export function maxDeviation(cosines: readonly number[], target: number): number {
  let worst = 0;
  for (const c of cosines) worst = Math.max(worst, Math.abs(c - target));
  return worst;
}

/**
 * Scale a non-negative vector to non-negative integers summing to exactly `total`: floor, then
 * hand the remainder to the largest fractional parts (ties to the lower index).
 */
export function integerise(x: readonly number[], total = 100): number[] {
  const sum = x.reduce((s, v) => s + v, 0);
  if (sum <= 0) throw new Error('integerise needs a vector with a positive sum');
  const scaled = x.map((v) => (v / sum) * total);
  const out = scaled.map((v) => Math.floor(v));
  let remainder = total - out.reduce((s, v) => s + v, 0);
  const order = scaled
    .map((v, k) => ({ k, frac: v - Math.floor(v) }))
    .sort((p, q) => q.frac - p.frac || p.k - q.k);
  for (let r = 0; remainder > 0; r = (r + 1) % order.length, remainder--) out[order[r].k] += 1;
  return out;
}

/** Uniform point on the simplex (Dirichlet(1, ..., 1)). */
function randomSimplex(m: number, rng: Rng): number[] {
  // 1 - next() lies in (0, 1], so every draw is finite and non-negative.
  const e = Array.from({ length: m }, () => -Math.log(1 - rng.next()));
  const s = e.reduce((a, b) => a + b, 0);
  return s > 0 ? e.map((v) => v / s) : e.map(() => 1 / m);
}

/**
 * Problems that make the target impossible regardless of the seed: a target of exactly 0 needs
 * disjoint supports, so at most one vector per coordinate.
 */
export function simplexGeometryErrors(
  n: number,
  m: number,
  target: number,
  label: string,
  unit: string,
): string[] {
  if (target === 0 && n > m) {
    return [
      `${label} 0 needs disjoint supports (each agent values different ${unit}), so nAgents <= ${unit}: got ${n} agents and ${m} ${unit}`,
    ];
  }
  return [];
}

/**
 * c = 0 (DESIGN 3.1): disjoint supports that cover every coordinate, with sizes as equal as
 * possible (m = 5, n = 2 gives 2 and 3). A seeded shuffle of the coordinates is dealt round-robin
 * to a seeded shuffle of the vectors, so which vector gets a larger part is random, not by index.
 * Each owned coordinate gets at least 1 (no coordinate is valued by nobody) and the rest of the
 * total is spread by random weights over the owned coordinates.
 */
function disjointVectors(n: number, m: number, rng: Rng, total: number): number[][] {
  const order = rng.shuffle(Array.from({ length: m }, (_, k) => k));
  const dealOrder = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const owner = new Array<number>(m);
  order.forEach((k, r) => (owner[k] = dealOrder[r % n]));
  return Array.from({ length: n }, (_, i) => {
    const owned = owner.map((o) => o === i);
    const size = owned.filter(Boolean).length;
    if (total < size) {
      throw new Error(`a total of ${total} cannot give each of ${size} coordinates at least 1`);
    }
    const w = randomSimplex(m, rng).map((v, k) => (owned[k] ? v : 0));
    const spread = integerise(w.some((v) => v > 0) ? w : owned.map(Number), total - size);
    return spread.map((v, k) => (owned[k] ? v + 1 : 0));
  });
}

/** Worst deviation of integer vectors from the target. */
function integerDeviation(vs: readonly number[][], target: number): number {
  return maxDeviation(pairwiseCosines(vs), target);
}

/** 0 < target < 1: seeded restarts of projected gradient, integerised and polished; keeps the best. */
function fittedVectors(n: number, m: number, target: number, rng: Rng, total: number): number[][] {
  let best: number[][] = [];
  let bestDeviation = Infinity;
  // n > m equal cosines below 1 are out of reach (the Gram matrix would need rank n), so do
  // not spend restarts chasing them.
  const restarts = n > m ? 2 : MAX_RESTARTS;
  for (let restart = 0; restart < restarts && bestDeviation > GOOD_ENOUGH; restart++) {
    const start = Array.from({ length: n }, () => randomSimplex(m, rng));
    const xs = descend(start, target, MAX_ITERATIONS, CONTINUOUS_TOLERANCE);
    let vs = xs.map((x) => integerise(x, total));
    // Rounding to percentages can move a cosine by ~0.01; a few unit moves win that back.
    if (integerDeviation(vs, target) > CONTINUOUS_TOLERANCE * 2) vs = polishIntegers(vs, target);
    const deviation = integerDeviation(vs, target);
    if (deviation < bestDeviation) {
      best = vs;
      bestDeviation = deviation;
    }
  }
  return best;
}

/**
 * Fit `n` integer vectors of length `m` (each summing to `total`, default 100) whose pairwise
 * cosines match `target`. target 1 gives identical vectors, target 0 disjoint supports (throws
 * when n > m). A fit worse than COSINE_TOLERANCE comes back with a warning, not an error, since
 * for n > 2 the geometry can forbid the target.
 */
export function fitSimplexVectors(req: SimplexFitRequest): SimplexFit {
  const { n, m, target, rng, label, unit } = req;
  const total = req.total ?? 100;
  const errors = simplexGeometryErrors(n, m, target, label, unit);
  if (errors.length > 0) throw new Error(errors[0]);
  let vectors: number[][];
  if (n === 0) vectors = [];
  else if (target >= 1 || m === 1) {
    const shared = integerise(randomSimplex(m, rng), total);
    vectors = Array.from({ length: n }, () => shared.slice());
  } else if (target <= 0) vectors = disjointVectors(n, m, rng, total);
  else vectors = fittedVectors(n, m, target, rng, total);
  const cosines = pairwiseCosines(vectors);
  const deviation = maxDeviation(cosines, target);
  const warnings =
    deviation > COSINE_TOLERANCE
      ? [
          `${label} ${target}: realised pairwise cosines deviate from the target by up to ${deviation.toFixed(3)} (${n} agents, ${m} ${unit})${n > m ? `; equal pairwise cosines below 1 need nAgents <= ${unit}` : '; the geometry may forbid it'}`,
        ]
      : [];
  return { vectors, cosines, maxDeviation: deviation, warnings };
}

/**
 * `check()` of a game whose competition knob is a target cosine: schema errors with their field
 * paths, then the geometry errors for the parsed `levelKey` (target) and `countKey` (vector size).
 */
export function checkSimplexGame<K extends string, C extends string>(
  schema: z.ZodType<Record<K | C, number>>,
  params: unknown,
  nAgents: number,
  levelKey: K,
  countKey: C,
): string[] {
  const parsed = schema.safeParse(params);
  if (!parsed.success)
    return parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`);
  if (!Number.isInteger(nAgents) || nAgents < 1)
    return [`nAgents must be an integer >= 1, got ${nAgents}`];
  return simplexGeometryErrors(
    nAgents,
    parsed.data[countKey],
    parsed.data[levelKey],
    levelKey,
    countKey,
  );
}
