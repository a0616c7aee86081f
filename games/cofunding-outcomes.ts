// The co-funding outcome set: for every affordable subset of projects, pledge matrices that fund
// exactly that subset under a few cost-sharing rules. Used by strategy agents and the analysis.
import type { CofundingProposal } from './cofunding-proposal';
import { createRng, hashSeed } from './rng';

/** Enumerate subsets while 2^m stays at or below this; otherwise sample this many. */
const SUBSET_LIMIT = 4096;

/** Split `amount` into integers proportional to `weights` (largest remainder, ties to lower index). */
export function splitInteger(amount: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const w = sum > 0 ? weights : weights.map(() => 1);
  const total = sum > 0 ? sum : weights.length;
  const exact = w.map((v) => (amount * v) / total);
  const out = exact.map((v) => Math.floor(v));
  let remainder = amount - out.reduce((s, v) => s + v, 0);
  const order = exact
    .map((v, i) => ({ i, frac: v - Math.floor(v) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let r = 0; remainder > 0; r = (r + 1) % order.length, remainder--) out[order[r].i] += 1;
  return out;
}

/**
 * Move overspend to agents with slack, project by project, lowest index first. Succeeds whenever
 * the subset's cost fits the total budget, since only each agent's total matters. Null otherwise.
 */
function repairBudgets(pledges: number[][], budgets: readonly number[]): number[][] | null {
  const spend = pledges.map((row) => row.reduce((s, v) => s + v, 0));
  for (let i = 0; i < pledges.length; i++) {
    for (let k = 0; k < pledges[i].length && spend[i] > budgets[i]; k++) {
      for (let j = 0; j < pledges.length && spend[i] > budgets[i]; j++) {
        const move = Math.min(spend[i] - budgets[i], pledges[i][k], budgets[j] - spend[j]);
        if (j === i || move <= 0) continue;
        pledges[i][k] -= move;
        pledges[j][k] += move;
        spend[i] -= move;
        spend[j] += move;
      }
    }
    if (spend[i] > budgets[i]) return null;
  }
  return pledges;
}

function subsetMasks(m: number, seed: number): number[] {
  if (2 ** m <= SUBSET_LIMIT) return Array.from({ length: 2 ** m }, (_, mask) => mask);
  const rng = createRng(hashSeed(seed, 'cofunding', 'outcomes'));
  const masks = new Set<number>([0, 2 ** m - 1]);
  for (let tries = 0; masks.size < SUBSET_LIMIT && tries < SUBSET_LIMIT * 4; tries++)
    masks.add(rng.int(0, 2 ** m - 1));
  return [...masks];
}

/**
 * Deterministic candidate pledge matrices: for each subset of projects whose total cost fits the
 * agents' combined budget, each project's cost is split in proportion to the agents' values, in
 * proportion to their budgets, and equally; sums hit each cost exactly and budgets are respected.
 * Includes the empty pledge (nothing funded). Duplicates are dropped.
 */
export function cofundingOutcomes(
  values: readonly number[][],
  budgets: readonly number[],
  costs: readonly number[],
  seed: number,
): CofundingProposal[] {
  const n = values.length;
  const m = costs.length;
  const totalBudget = budgets.reduce((s, b) => s + b, 0);
  const seen = new Set<string>();
  const out: CofundingProposal[] = [];
  for (const mask of subsetMasks(m, seed)) {
    const chosen = costs.map((_, k) => (mask & (1 << k)) !== 0);
    if (costs.reduce((s, c, k) => s + (chosen[k] ? c : 0), 0) > totalBudget) continue;
    const rules: ((k: number) => number[])[] = [
      (k) => values.map((v) => v[k]),
      () => budgets.slice(),
      () => values.map(() => 1),
    ];
    for (const weightsFor of rules) {
      const pledges: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(0));
      costs.forEach((cost, k) => {
        if (chosen[k])
          splitInteger(cost, weightsFor(k)).forEach((amount, i) => (pledges[i][k] = amount));
      });
      const repaired = repairBudgets(pledges, budgets);
      if (!repaired) continue;
      const key = JSON.stringify(repaired);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ pledges: repaired });
    }
  }
  return out;
}
