// Exact analysis references of co-funding with two agents. Pledges to unfunded projects are
// returned and pledging past a cost only hurts the one who pledges, so every undominated outcome
// funds a subset S exactly: agent 1 pays a whole amount P of its cost C(S) and agent 2 the rest,
// u = (V1(S) - P, V2(S) - C(S) + P) with max(0, C - B2) <= P <= min(B1, C). Any such P splits
// into whole per-project pledges (0 <= p_1k <= c_k), so the utility set is exactly the union of
// these integer points over the affordable subsets, and each reference is a concave 1-D problem
// per subset whose integer optimum is the floor or the ceiling of the continuous one.
import type { CofundingPrefs } from './cofunding';
import type { ExactReference } from './types';

/** Subset S as u = (a - P, b + P) for integer P in [lo, hi]. */
type Subset = [a: number, b: number, lo: number, hi: number];

/** Cells of the knapsack table above which subsets are enumerated instead. */
const TABLE_LIMIT = 4_000_000;

function asSubset(prefs: readonly CofundingPrefs[], v1: number, v2: number, c: number): Subset {
  const [b1, b2] = [prefs[0].budget, prefs[1].budget];
  return [v1, v2 - c, Math.max(0, c - b2), Math.min(b1, c)];
}

/** Every subset whose cost fits the combined budget (depth-first, pruned on cost). */
function enumerateSubsets(prefs: readonly CofundingPrefs[]): Subset[] {
  const [v1, v2] = [prefs[0].values, prefs[1].values];
  const cap = prefs[0].budget + prefs[1].budget;
  const costs = prefs[0].costs;
  const out: Subset[] = [];
  const walk = (k: number, a: number, v: number, c: number): void => {
    if (k === costs.length) {
      out.push(asSubset(prefs, a, v, c));
      return;
    }
    walk(k + 1, a, v, c);
    if (c + costs[k] <= cap) walk(k + 1, a + v1[k], v + v2[k], c + costs[k]);
  };
  walk(0, 0, 0, 0);
  return out;
}

/**
 * The same subsets, keeping per (cost, agent 1's value) only the one agent 2 values most: those
 * share their range of P, and the larger V2 is better for agent 2 at every P and the same for
 * agent 1. A 0/1 knapsack table over cost and V1; null where it would be larger than TABLE_LIMIT
 * or the data are not whole numbers.
 */
function tableSubsets(prefs: readonly CofundingPrefs[]): Subset[] | null {
  const [v1, v2] = [prefs[0].values, prefs[1].values];
  const costs = prefs[0].costs;
  const cap = prefs[0].budget + prefs[1].budget;
  const top = v1.reduce((s, v) => s + v, 0);
  const whole = (xs: readonly number[], min: number) =>
    xs.every((x) => Number.isInteger(x) && x >= min);
  if (!whole(costs, 1) || !whole(v1, 0) || !whole(v2, 0) || !whole([cap], 0)) return null;
  if ((cap + 1) * (top + 1) > TABLE_LIMIT) return null;
  const width = top + 1;
  const best = new Int32Array((cap + 1) * width).fill(-1);
  best[0] = 0;
  costs.forEach((cost, k) => {
    for (let c = cap; c >= cost; c--) {
      for (let v = top; v >= v1[k]; v--) {
        const from = best[(c - cost) * width + v - v1[k]];
        if (from >= 0 && from + v2[k] > best[c * width + v]) best[c * width + v] = from + v2[k];
      }
    }
  });
  const out: Subset[] = [];
  for (let c = 0; c <= cap; c++) {
    for (let v = 0; v <= top; v++) {
      if (best[c * width + v] >= 0) out.push(asSubset(prefs, v, best[c * width + v], c));
    }
  }
  return out;
}

/** The affordable subsets that can matter, in the cheaper of the two ways. */
function candidateSubsets(prefs: readonly CofundingPrefs[]): Subset[] {
  const enumerated = 2 ** prefs[0].costs.length;
  const cells =
    (prefs[0].budget + prefs[1].budget + 1) * (prefs[0].values.reduce((s, v) => s + v, 0) + 1);
  return (cells < enumerated ? tableSubsets(prefs) : null) ?? enumerateSubsets(prefs);
}

/** The integers nearest the continuous maximiser t of a concave function, clamped to [lo, hi]. */
function nearestIntegers(t: number, lo: number, hi: number): number[] {
  const clamp = (p: number) => Math.min(hi, Math.max(lo, p));
  const below = clamp(Math.floor(t));
  const above = clamp(Math.ceil(t));
  return below === above ? [below] : [below, above];
}

function maxWelfareAndNbs(subsets: readonly Subset[]) {
  let welfare = Number.NEGATIVE_INFINITY;
  let welfareUtilities: number[] = [0, 0];
  let product = 0;
  let points = new Map<string, number[]>();
  for (const [a, b, lo, hi] of subsets) {
    // Both objectives peak at the equal split P = (a - b) / 2 on the line u1 + u2 = a + b.
    const splits = nearestIntegers((a - b) / 2, lo, hi);
    if (a + b > welfare) {
      welfare = a + b;
      welfareUtilities = [a - splits[0], b + splits[0]];
    }
    if (a + b <= 0) continue;
    for (const p of splits) {
      const [x, y] = [a - p, b + p];
      if (!(x > 0 && y > 0) || x * y < product) continue;
      if (x * y > product) points = new Map();
      product = x * y;
      points.set(`${x},${y}`, [x, y]);
    }
  }
  return {
    maxWelfare: { value: welfare, utilities: welfareUtilities },
    nbs: product > 0 ? { product, points: [...points.values()] } : null,
  };
}

/** Exact references for two agents; null for any other number of agents. */
export function cofundingReference(prefs: readonly CofundingPrefs[]): ExactReference | null {
  if (prefs.length !== 2) return null;
  const subsets = candidateSubsets(prefs);
  return {
    ...maxWelfareAndNbs(subsets),
    paretoGap([u1, u2]) {
      let gap = 0;
      for (const [a, b, lo, hi] of subsets) {
        // min(a - P - u1, b + P - u2) is largest where the two terms meet.
        for (const p of nearestIntegers((a - u1 - (b - u2)) / 2, lo, hi))
          gap = Math.max(gap, Math.min(a - p - u1, b + p - u2));
      }
      return gap;
    },
    isParetoOptimal([u1, u2]) {
      const eps = 1e-9 * Math.max(1, Math.abs(u1), Math.abs(u2));
      // Dominated when some P gives u1' >= u1 and u2' >= u2 on a line with a larger sum.
      return !subsets.some(
        ([a, b, lo, hi]) =>
          a + b > u1 + u2 + eps &&
          Math.max(lo, Math.ceil(u2 - b - eps)) <= Math.min(hi, Math.floor(a - u1 + eps)),
      );
    },
  };
}
