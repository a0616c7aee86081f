// The numeric core of the simplex fit: projected gradient descent on a product of simplices, and a
// unit-move local search that repairs what integer rounding breaks. Objective in both:
// f = sum over pairs (cos_ij - target)^2.

/** Euclidean projection onto the probability simplex (Duchi et al. 2008, sort-based). */
export function projectToSimplex(v: readonly number[]): number[] {
  const u = v.slice().sort((x, y) => y - x);
  let cumulative = 0;
  let shift = 0;
  for (let j = 0; j < u.length; j++) {
    cumulative += u[j];
    const candidate = (cumulative - 1) / (j + 1);
    if (u[j] - candidate > 0) shift = candidate;
  }
  return v.map((x) => Math.max(x - shift, 0));
}

function norm(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

/** Objective and the worst pairwise deviation of continuous vectors. */
export function evaluateContinuous(
  xs: readonly number[][],
  target: number,
): { f: number; worst: number } {
  const norms = xs.map(norm);
  let f = 0;
  let worst = 0;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const d = dot(xs[i], xs[j]) / (norms[i] * norms[j]) - target;
      f += d * d;
      worst = Math.max(worst, Math.abs(d));
    }
  }
  return { f, worst };
}

/** Gradient of f with respect to every vector (d cos/dx_i = x_j/(|x_i||x_j|) - cos x_i/|x_i|^2). */
function gradient(xs: readonly number[][], target: number): number[][] {
  const norms = xs.map(norm);
  const g = xs.map((x) => x.map(() => 0));
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const c = dot(xs[i], xs[j]) / (norms[i] * norms[j]);
      const coef = 2 * (c - target);
      for (let k = 0; k < xs[i].length; k++) {
        g[i][k] +=
          coef * (xs[j][k] / (norms[i] * norms[j]) - (c * xs[i][k]) / (norms[i] * norms[i]));
        g[j][k] +=
          coef * (xs[i][k] / (norms[i] * norms[j]) - (c * xs[j][k]) / (norms[j] * norms[j]));
      }
    }
  }
  return g;
}

/**
 * Projected gradient descent with a backtracking step (grow 1.5x on success, halve on failure);
 * stops once every pair is within `tolerance` or the step collapses. Returns the final vectors.
 */
export function descend(
  start: number[][],
  target: number,
  maxIterations: number,
  tolerance: number,
): number[][] {
  let xs = start;
  let current = evaluateContinuous(xs, target);
  let step = 0.5;
  for (let it = 0; it < maxIterations && current.worst > tolerance && step > 1e-9; it++) {
    const g = gradient(xs, target);
    const trial = xs.map((x, i) => projectToSimplex(x.map((v, k) => v - step * g[i][k])));
    const next = evaluateContinuous(trial, target);
    if (next.f < current.f) {
      xs = trial;
      current = next;
      step *= 1.5;
    } else {
      step /= 2;
    }
  }
  return xs;
}

/** Sum of squared deviations over the pairs that involve vector `i`, given dots and squared norms. */
function partialObjective(i: number, dots: number[][], sq: number[], target: number): number {
  let f = 0;
  for (let j = 0; j < sq.length; j++) {
    if (j === i) continue;
    const c = sq[i] === 0 || sq[j] === 0 ? 0 : dots[i][j] / Math.sqrt(sq[i] * sq[j]);
    f += (c - target) ** 2;
  }
  return f;
}

/**
 * Greedy local search over integer vectors: repeatedly apply the single best move of one unit
 * from one coordinate to another within one vector (sums stay fixed, entries stay >= 0) while it
 * lowers the objective. Mutates and returns `vs`.
 */
export function polishIntegers(vs: number[][], target: number, maxMoves = 200): number[][] {
  const n = vs.length;
  const m = vs[0]?.length ?? 0;
  const dots = vs.map((a) => vs.map((b) => dot(a, b)));
  const sq = vs.map((a) => dot(a, a));
  for (let move = 0; move < maxMoves; move++) {
    let best = { gain: 1e-12, i: -1, from: -1, to: -1 };
    for (let i = 0; i < n; i++) {
      const before = partialObjective(i, dots, sq, target);
      const v = vs[i];
      for (let from = 0; from < m; from++) {
        if (v[from] === 0) continue;
        for (let to = 0; to < m; to++) {
          if (to === from) continue;
          const savedDots = dots[i].slice();
          const savedSq = sq[i];
          for (let j = 0; j < n; j++) if (j !== i) dots[i][j] += vs[j][to] - vs[j][from];
          sq[i] += 2 * (v[to] - v[from]) + 2;
          const gain = before - partialObjective(i, dots, sq, target);
          dots[i] = savedDots;
          sq[i] = savedSq;
          if (gain > best.gain) best = { gain, i, from, to };
        }
      }
    }
    if (best.i < 0) break;
    const { i, from, to } = best;
    vs[i][from] -= 1;
    vs[i][to] += 1;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      dots[i][j] = dot(vs[i], vs[j]);
      dots[j][i] = dots[i][j];
    }
    sq[i] = dot(vs[i], vs[i]);
  }
  return vs;
}
