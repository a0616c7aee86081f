// Least-squares fits for the scaling-law views (DESIGN 9): a simple line with t-based intervals
// and an extrapolation band, and multiple regression solved by Householder QR.
import { tQuantile, tTwoSidedP } from './distributions';

export interface LinearFitOptions {
  /**
   * Positive analytic (inverse-variance) weights, as R's lm(weights=): the error variance of
   * observation i is sigma^2 / w_i. Omitted: all 1.
   */
  weights?: readonly number[];
  /** Two-sided coverage of every interval, default 0.95. */
  level?: number;
  /** Report the fitted mean and its bands at this x. */
  extrapolateTo?: number;
}

export interface Extrapolation {
  x: number;
  yhat: number;
  /** Interval for the mean response E[y | x]. */
  confidenceBand: [number, number];
  /** Interval for one new observation at x (weight 1). */
  predictionBand: [number, number];
}

export interface LinearFit {
  n: number;
  slope: number;
  intercept: number;
  slopeSE: number;
  interceptSE: number;
  slopeCI: [number, number];
  interceptCI: [number, number];
  /** Pearson correlation (weighted when weights are given); NaN when y is constant. */
  r: number;
  r2: number;
  /** sqrt(sum w e^2 / df). */
  residualSD: number;
  /** n - 2. */
  df: number;
  level: number;
  extrapolation?: Extrapolation;
}

function checkWeights(weights: readonly number[] | undefined, n: number): number[] {
  if (weights === undefined) return new Array<number>(n).fill(1);
  if (weights.length !== n)
    throw new RangeError(`weights has ${weights.length} values, expected ${n}`);
  weights.forEach((w, i) => {
    if (!(Number.isFinite(w) && w > 0))
      throw new RangeError(`weight ${i} is ${w}; weights must be positive and finite`);
  });
  return [...weights];
}

function checkFinite(values: readonly number[], name: string): void {
  values.forEach((v, i) => {
    if (!Number.isFinite(v))
      throw new RangeError(`${name}[${i}] is ${v}; values must be finite numbers`);
  });
}

/**
 * Weighted least-squares line y = intercept + slope x. Standard errors use
 * sigma^2 = sum w e^2 / (n - 2), SE(slope) = sigma / sqrt(Sxx) and
 * SE(intercept) = sigma sqrt(1/sum w + xbar^2 / Sxx) with weighted centred sums; intervals use
 * the t quantile with n - 2 df. Needs n >= 3 and x not constant.
 */
export function fitLinear(
  x: readonly number[],
  y: readonly number[],
  options: LinearFitOptions = {},
): LinearFit {
  const { level = 0.95, extrapolateTo } = options;
  const n = x.length;
  if (y.length !== n) throw new RangeError(`x has ${n} values but y has ${y.length}`);
  if (n < 3) throw new RangeError(`a line with intervals needs at least 3 points, got ${n}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  checkFinite(x, 'x');
  checkFinite(y, 'y');
  const w = checkWeights(options.weights, n);
  let sw = 0;
  let swx = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    sw += w[i];
    swx += w[i] * x[i];
    swy += w[i] * y[i];
  }
  const xbar = swx / sw;
  const ybar = swy / sw;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - xbar;
    const dy = y[i] - ybar;
    sxx += w[i] * dx * dx;
    sxy += w[i] * dx * dy;
    syy += w[i] * dy * dy;
  }
  if (!(sxx > 0)) throw new RangeError('x is constant: the slope is not identified');
  const slope = sxy / sxx;
  const intercept = ybar - slope * xbar;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += w[i] * (y[i] - intercept - slope * x[i]) ** 2;
  const df = n - 2;
  const sigma2 = rss / df;
  const slopeSE = Math.sqrt(sigma2 / sxx);
  const interceptSE = Math.sqrt(sigma2 * (1 / sw + (xbar * xbar) / sxx));
  const tq = tQuantile((1 + level) / 2, df);
  const r = syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
  const fit: LinearFit = {
    n,
    slope,
    intercept,
    slopeSE,
    interceptSE,
    slopeCI: [slope - tq * slopeSE, slope + tq * slopeSE],
    interceptCI: [intercept - tq * interceptSE, intercept + tq * interceptSE],
    r,
    r2: r * r,
    residualSD: Math.sqrt(sigma2),
    df,
    level,
  };
  if (extrapolateTo !== undefined) {
    const x0 = extrapolateTo;
    const yhat = intercept + slope * x0;
    const meanVar = sigma2 * (1 / sw + (x0 - xbar) ** 2 / sxx);
    const seMean = Math.sqrt(meanVar);
    const sePred = Math.sqrt(sigma2 + meanVar);
    fit.extrapolation = {
      x: x0,
      yhat,
      confidenceBand: [yhat - tq * seMean, yhat + tq * seMean],
      predictionBand: [yhat - tq * sePred, yhat + tq * sePred],
    };
  }
  return fit;
}

export interface Coefficient {
  name: string;
  estimate: number;
  se: number;
  t: number;
  /** Two-sided p-value with the residual df. */
  p: number;
  ciLow: number;
  ciHigh: number;
}

export interface MultipleFit {
  n: number;
  /** Residual degrees of freedom n - (number of estimated coefficients). */
  df: number;
  coefficients: Coefficient[];
  r2: number;
  adjR2: number;
  residualSD: number;
  /** Columns dropped as linear combinations of earlier ones (only with dropAliased). */
  aliased: string[];
  /** Covariance of the estimates, in `coefficients` order. */
  covariance: number[][];
  level: number;
}

export interface MultipleFitOptions {
  /** Product terms a:b added after the main columns. */
  interactions?: readonly (readonly [string, string])[];
  weights?: readonly number[];
  level?: number;
  /** Fit an intercept column "(Intercept)" first (default true). */
  intercept?: boolean;
  /**
   * Drop a column that is (numerically) a combination of earlier ones, as R's lm does, instead
   * of throwing. Used for R^2 of nested dummies (family within developer).
   */
  dropAliased?: boolean;
}

/** Tolerance on |R_jj| relative to the column norm below which a column counts as aliased (R's lm uses 1e-7). */
const ALIAS_TOL = 1e-7;

function designColumns(
  columns: Record<string, readonly number[]>,
  n: number,
  options: MultipleFitOptions,
) {
  const names: string[] = [];
  const cols: number[][] = [];
  if (options.intercept ?? true) {
    names.push('(Intercept)');
    cols.push(new Array<number>(n).fill(1));
  }
  for (const [name, values] of Object.entries(columns)) {
    if (values.length !== n)
      throw new RangeError(`column "${name}" has ${values.length} values, expected ${n}`);
    checkFinite(values, name);
    names.push(name);
    cols.push([...values]);
  }
  for (const [a, b] of options.interactions ?? []) {
    const ca = columns[a];
    const cb = columns[b];
    if (!ca || !cb) {
      throw new RangeError(
        `interaction ${a}:${b} names a missing column; columns: ${Object.keys(columns).join(', ')}`,
      );
    }
    names.push(`${a}:${b}`);
    cols.push(ca.map((v, i) => v * cb[i]));
  }
  return { names, cols };
}

/**
 * Householder QR of the weighted design, column by column. A column whose remaining norm is
 * below ALIAS_TOL of its original norm is aliased. Returns R (k x k), Q'y and the kept indices.
 */
function householderQR(cols: number[][], y: number[], names: string[], dropAliased: boolean) {
  const n = y.length;
  const reflectors: { v: number[]; k: number }[] = [];
  const rCols: number[][] = [];
  const kept: number[] = [];
  const aliased: string[] = [];
  const apply = (col: number[]) => {
    for (const { v, k } of reflectors) {
      let dot = 0;
      for (let i = k; i < n; i++) dot += v[i - k] * col[i];
      for (let i = k; i < n; i++) col[i] -= 2 * dot * v[i - k];
    }
  };
  cols.forEach((original, j) => {
    const col = [...original];
    const norm0 = norm(original);
    apply(col);
    const k = reflectors.length;
    let tail = 0;
    for (let i = k; i < n; i++) tail += col[i] * col[i];
    tail = Math.sqrt(tail);
    if (k >= n || tail <= ALIAS_TOL * norm0 || norm0 === 0) {
      if (!dropAliased) {
        throw new RangeError(
          `singular design: column "${names[j]}" is a linear combination of ${kept.map((i) => `"${names[i]}"`).join(', ') || 'nothing (all zero)'}`,
        );
      }
      aliased.push(names[j]);
      return;
    }
    const alpha = col[k] > 0 ? -tail : tail;
    const v = col.slice(k);
    v[0] -= alpha;
    const vnorm = norm(v);
    for (let i = 0; i < v.length; i++) v[i] /= vnorm;
    reflectors.push({ v, k });
    const rCol = col.slice(0, k);
    rCol.push(alpha);
    rCols.push(rCol);
    kept.push(j);
  });
  const qty = [...y];
  apply(qty);
  return { rCols, qty, kept, aliased };
}

/** Euclidean norm, scaled against overflow (no spread: designs can have many rows). */
function norm(values: readonly number[]): number {
  let scale = 0;
  for (const v of values) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) return 0;
  let s = 0;
  for (const v of values) s += (v / scale) ** 2;
  return scale * Math.sqrt(s);
}

/** Inverse of an upper-triangular matrix given by columns (rCols[j][i] = R_ij, i <= j). */
function invertUpper(rCols: number[][]): number[][] {
  const p = rCols.length;
  const inv = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    inv[j][j] = 1 / rCols[j][j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += rCols[k][i] * inv[k][j];
      inv[i][j] = -s / rCols[i][i];
    }
  }
  return inv;
}

/**
 * Multiple (weighted) least squares y ~ 1 + columns + interactions, solved by Householder QR
 * (never forming X'X, so the ill-conditioned Longley data keeps ~9 digits). Standard errors
 * from sigma^2 (R'R)^-1, two-sided p from the t CDF with n - p df. Throws on a singular design
 * naming the aliased column, unless `dropAliased`.
 */
export function fitMultiple(
  columns: Record<string, readonly number[]>,
  y: readonly number[],
  options: MultipleFitOptions = {},
): MultipleFit {
  const { level = 0.95 } = options;
  const n = y.length;
  checkFinite(y, 'y');
  const w = checkWeights(options.weights, n);
  const sqrtW = w.map(Math.sqrt);
  const { names, cols } = designColumns(columns, n, options);
  const wCols = cols.map((c) => c.map((v, i) => v * sqrtW[i]));
  const wy = y.map((v, i) => v * sqrtW[i]);
  const { rCols, qty, kept, aliased } = householderQR(
    wCols,
    wy,
    names,
    options.dropAliased ?? false,
  );
  const p = kept.length;
  const df = n - p;
  if (df < 1)
    throw new RangeError(`${n} observations cannot estimate ${p} coefficients with a residual df`);
  const rInv = invertUpper(rCols);
  const beta = new Array<number>(p).fill(0);
  for (let i = 0; i < p; i++) for (let k = i; k < p; k++) beta[i] += rInv[i][k] * qty[k];
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += cols[kept[j]][i] * beta[j];
    rss += w[i] * (y[i] - fitted) ** 2;
  }
  const sigma2 = rss / df;
  const covariance = Array.from({ length: p }, (_, a) =>
    Array.from({ length: p }, (_, b) => {
      let s = 0;
      for (let k = Math.max(a, b); k < p; k++) s += rInv[a][k] * rInv[b][k];
      return sigma2 * s;
    }),
  );
  const tq = tQuantile((1 + level) / 2, df);
  const coefficients = kept.map((j, idx) => {
    const se = Math.sqrt(covariance[idx][idx]);
    const t = beta[idx] / se;
    return {
      name: names[j],
      estimate: beta[idx],
      se,
      t,
      p: tTwoSidedP(t, df),
      ciLow: beta[idx] - tq * se,
      ciHigh: beta[idx] + tq * se,
    };
  });
  const hasIntercept = options.intercept ?? true;
  const sw = w.reduce((a, b) => a + b, 0);
  const ybar = hasIntercept ? y.reduce((a, v, i) => a + w[i] * v, 0) / sw : 0;
  const tss = y.reduce((a, v, i) => a + w[i] * (v - ybar) ** 2, 0);
  const r2 = tss > 0 ? 1 - rss / tss : Number.NaN;
  const dfTotal = hasIntercept ? n - 1 : n;
  return {
    n,
    df,
    coefficients,
    r2,
    adjR2: 1 - ((1 - r2) * dfTotal) / df,
    residualSD: Math.sqrt(sigma2),
    aliased,
    covariance,
    level,
  };
}
