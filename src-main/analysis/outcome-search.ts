// Searches over a game's outcome space for the analysis reference points: maximum social welfare
// and the Nash bargaining solution (NBS). Exact spaces are enumerated; representative spaces
// (grids or samples) are enumerated and then refined by a compass search on the proposal's
// numeric fields, with the game's own validateProposal as the feasibility oracle.
import type { GameInstance } from '../../src-shared/game';
import type { GameDefinition } from '../../games/types';

/** A feasible proposal with its undiscounted utilities. */
export interface ScoredOutcome {
  proposal: unknown;
  utilities: number[];
}

type Path = (string | number)[];

function numericLeaves(x: unknown, path: Path, out: Path[]): Path[] {
  if (typeof x === 'number' && Number.isFinite(x)) out.push(path);
  else if (Array.isArray(x)) x.forEach((v, i) => numericLeaves(v, [...path, i], out));
  else if (typeof x === 'object' && x !== null) {
    for (const [k, v] of Object.entries(x)) numericLeaves(v, [...path, k], out);
  }
  return out;
}

function getLeaf(x: unknown, path: Path): number {
  let node: any = x;
  for (const key of path) node = node?.[key];
  return typeof node === 'number' ? node : Number.NaN;
}

function withLeaf(x: unknown, path: Path, value: number): unknown {
  const copy: any = structuredClone(x);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = value;
  return copy;
}

/** Score an untrusted candidate: null when the game rejects it. */
export function scoreProposal(
  game: GameDefinition,
  instance: GameInstance,
  candidate: unknown,
): ScoredOutcome | null {
  try {
    const check = game.validateProposal(instance, candidate);
    if (!check.ok) return null;
    const utilities = game.rawUtilities(instance, check.proposal);
    return utilities.every(Number.isFinite) ? { proposal: check.proposal, utilities } : null;
  } catch {
    return null;
  }
}

export interface CompassOptions {
  /** Largest number of candidate evaluations per start (default 20000). */
  maxEvaluations?: number;
}

/**
 * Compass (coordinate pattern) search maximising `objective(utilities)` from `start`. Each
 * numeric field of the proposal is a coordinate; steps start at a quarter of the field's range
 * across `space` and halve when no coordinate move improves. Fields that are integers across the
 * whole space move in integer steps (stopping below 1); others stop below 1e-9 of their range.
 *
 * For the treaty game this finds the global NBS: log u_1 + log u_2 is concave, each u_i is a sum
 * of per-issue terms, so the directional derivative is a sum of per-coordinate terms and a point
 * where no coordinate move improves is a global maximum (kinks at ideal points included).
 */
export function compassSearch(
  game: GameDefinition,
  instance: GameInstance,
  start: ScoredOutcome,
  space: readonly unknown[],
  objective: (utilities: number[]) => number,
  options: CompassOptions = {},
): ScoredOutcome {
  const maxEvaluations = options.maxEvaluations ?? 20000;
  const paths = numericLeaves(start.proposal, [], []);
  const coords = paths.map((path) => {
    const values = space.map((o) => getLeaf(o, path)).filter(Number.isFinite);
    const isInteger = values.length > 0 && values.every(Number.isInteger);
    const range = values.length > 0 ? Math.max(...values) - Math.min(...values) : 0;
    const scale = range > 0 ? range : Math.max(1, Math.abs(getLeaf(start.proposal, path)));
    const step = isInteger ? Math.max(1, Math.round(scale / 4)) : scale / 4;
    return { path, isInteger, step, minStep: isInteger ? 1 : scale * 1e-9 };
  });
  let current = start;
  let value = objective(start.utilities);
  let evaluations = 0;
  while (evaluations < maxEvaluations && coords.some((c) => c.step >= c.minStep)) {
    let isImproved = false;
    for (const c of coords) {
      if (c.step < c.minStep) continue;
      for (const sign of [1, -1]) {
        const at = getLeaf(current.proposal, c.path);
        const scored = scoreProposal(
          game,
          instance,
          withLeaf(current.proposal, c.path, at + sign * c.step),
        );
        evaluations++;
        if (!scored) continue;
        const v = objective(scored.utilities);
        if (v > value + 1e-12 * Math.max(1, Math.abs(value))) {
          current = scored;
          value = v;
          isImproved = true;
          break;
        }
      }
    }
    if (!isImproved) {
      for (const c of coords)
        c.step = c.isInteger ? (c.step > 1 ? Math.floor(c.step / 2) : 0) : c.step / 2;
    }
  }
  return current;
}

/** Product of utilities with disagreement point 0; -Infinity unless every utility is positive. */
export function nashProduct(utilities: readonly number[]): number {
  if (utilities.some((u) => !(u > 0))) return Number.NEGATIVE_INFINITY;
  return utilities.reduce((a, b) => a * b, 1);
}

export function welfare(utilities: readonly number[]): number {
  return utilities.reduce((a, b) => a + b, 0);
}

/**
 * Maximise `objective` over a scored space: the exact maximum for exact spaces; otherwise the
 * best of compass searches started from the `starts` best points of the representative set.
 */
export function maximise(
  game: GameDefinition,
  instance: GameInstance,
  scored: readonly ScoredOutcome[],
  isExact: boolean,
  objective: (utilities: number[]) => number,
  starts = 3,
): { best: ScoredOutcome; value: number } | null {
  if (scored.length === 0) return null;
  const ranked = scored
    .map((o, i) => ({ o, i, v: objective(o.utilities) }))
    .sort((a, b) => b.v - a.v || a.i - b.i);
  let best = ranked[0].o;
  let value = ranked[0].v;
  if (!isExact) {
    const space = scored.map((o) => o.proposal);
    for (const { o, v } of ranked.slice(0, starts)) {
      if (v === Number.NEGATIVE_INFINITY) continue;
      const refined = compassSearch(game, instance, o, space, objective);
      const rv = objective(refined.utilities);
      if (rv > value) {
        best = refined;
        value = rv;
      }
    }
  }
  return { best, value };
}
