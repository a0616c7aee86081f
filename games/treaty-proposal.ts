// Reading treaty proposals and building the treaty's representative outcome set.
import type { ProposalCheck } from './types';
import { createNameLookup, isRecord, show, unwrap } from './proposal-input';
import { createRng, hashSeed } from './rng';

/** Normal form: agreement[k] in [0, 1] is the value issue k is settled at. */
export interface TreatyProposal {
  agreement: number[];
}

const GRID = [0, 0.25, 0.5, 0.75, 1];
const GRID_LIMIT = 20_000;
/** Per-issue choices among the ideals are listed while n^K stays below this. */
const VERTEX_LIMIT = 4096;

function checkValue(value: unknown, label: string, errors: string[]): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1) return value;
  errors.push(`${label} must be a number in [0, 1], got ${show(value)}`);
  return Number.NaN;
}

/**
 * Validate `{"agreement": [..K values..]}` (or the bare array, or an object keyed by issue name);
 * out-of-range values are errors, never clamped.
 */
export function parseTreatyProposal(
  proposal: unknown,
  names: readonly string[],
): ProposalCheck<TreatyProposal> {
  const inner = unwrap(proposal, 'agreement');
  const K = names.length;
  const errors: string[] = [];
  let agreement: number[];
  if (Array.isArray(inner)) {
    if (inner.length !== K) {
      return {
        ok: false,
        error: `agreement must have ${K} entries (one value in [0, 1] per issue, in the order ${names.join(', ')}), got ${inner.length}`,
      };
    }
    agreement = inner.map((v, k) => checkValue(v, `agreement entry ${k} (${names[k]})`, errors));
  } else if (isRecord(inner)) {
    const lookup = createNameLookup(names);
    const found: unknown[] = names.map(() => undefined);
    for (const [key, value] of Object.entries(inner)) {
      const k = lookup(key);
      if (k === null) errors.push(`unknown issue '${key}' (issues are ${names.join(', ')})`);
      else found[k] = value;
    }
    names.forEach((name, k) => {
      if (found[k] === undefined) errors.push(`issue '${name}' has no value`);
    });
    agreement = found.map((v, k) =>
      v === undefined ? Number.NaN : checkValue(v, `issue '${names[k]}'`, errors),
    );
  } else {
    return {
      ok: false,
      error: `proposal must be {"agreement": [one value in [0, 1] per issue]}, got ${show(proposal)}`,
    };
  }
  return errors.length > 0
    ? { ok: false, error: errors.join('; ') }
    : { ok: true, proposal: { agreement } };
}

/** All points of a grid over [0,1]^K in odometer order (issue 0 varies fastest). */
function gridPoints(K: number): number[][] {
  const out: number[][] = [];
  const total = GRID.length ** K;
  for (let code = 0; code < total; code++) {
    const point = new Array<number>(K);
    for (let k = 0, c = code; k < K; k++, c = Math.floor(c / GRID.length))
      point[k] = GRID[c % GRID.length];
    out.push(point);
  }
  return out;
}

/**
 * A deterministic representative outcome set: each ideal point, the weight-averaged compromise,
 * mixtures of every pair of ideals in steps of 0.1, per-issue choices among the ideals (where
 * the linear utilities have their kinks, so weighted-sum optima lie there) when few enough,
 * and a 5-level grid over [0,1]^K (a seeded uniform sample of 20,000 points when the grid is
 * larger).
 */
export function treatyOutcomes(
  positions: number[][],
  weights: number[][],
  seed: number,
): TreatyProposal[] {
  const n = positions.length;
  const K = positions[0]?.length ?? 0;
  const points: number[][] = positions.map((p) => p.slice());
  points.push(
    Array.from({ length: K }, (_, k) => {
      const wsum = weights.reduce((s, w) => s + w[k], 0);
      const raw =
        wsum > 0
          ? positions.reduce((s, p, i) => s + weights[i][k] * p[k], 0) / wsum
          : positions.reduce((s, p) => s + p[k], 0) / n;
      return Math.min(1, Math.max(0, raw));
    }),
  );
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let t = 1; t <= 9; t++)
        points.push(positions[i].map((v, k) => ((10 - t) * v + t * positions[j][k]) / 10));
    }
  }
  if (n ** K <= VERTEX_LIMIT) {
    for (let code = 0; code < n ** K; code++) {
      points.push(Array.from({ length: K }, (_, k) => positions[Math.floor(code / n ** k) % n][k]));
    }
  }
  if (GRID.length ** K <= GRID_LIMIT) points.push(...gridPoints(K));
  else {
    const rng = createRng(hashSeed(seed, 'treaty', 'outcomes'));
    for (let s = 0; s < GRID_LIMIT; s++) points.push(Array.from({ length: K }, () => rng.next()));
  }
  return points.map((agreement) => ({ agreement }));
}
