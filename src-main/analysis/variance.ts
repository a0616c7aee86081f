// Variance decomposition (DESIGN 9): the share of a metric's variance explained by categorical
// factors (developer, family: between-group SS / total SS, i.e. one-hot OLS R^2) and numeric
// scores (R^2 of a simple regression), each alone, by kind, and all together (joint OLS R^2).
import { fitMultiple } from './regression';

export interface VarianceOptions {
  metric: string;
  /** Categorical columns, e.g. ['developer', 'family']. */
  factors?: string[];
  /** Numeric columns, e.g. ['arena_elo', 'agreeableness']. */
  scores?: string[];
}

export interface VarianceShare {
  terms: string[];
  /** Proportion of the total sum of squares explained (OLS R^2). */
  r2: number;
  adjR2: number;
  /** Model parameters besides the intercept (dummies + scores), after dropping aliased ones. */
  parameters: number;
  /** Columns dropped as combinations of others (e.g. developer dummies nested in family). */
  aliased: string[];
}

export interface VarianceDecomposition {
  /** Rows used: complete on the metric and every factor and score. */
  n: number;
  /** Rows left out for a missing value. */
  dropped: number;
  alone: VarianceShare[];
  factorsTogether: VarianceShare | null;
  scoresTogether: VarianceShare | null;
  joint: VarianceShare;
}

const isMissing = (v: unknown) =>
  v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v));

function toNumber(v: unknown, column: string, row: number): number {
  const x = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(x))
    throw new RangeError(
      `row ${row}: column "${column}" value ${JSON.stringify(v)} is not a number`,
    );
  return x;
}

/** Dummy columns "factor=level" for every level but the first (sorted), the reference level. */
function dummies(rows: Record<string, unknown>[], factor: string): Record<string, number[]> {
  const levels = [...new Set(rows.map((r) => String(r[factor])))].sort();
  const out: Record<string, number[]> = {};
  for (const level of levels.slice(1))
    out[`${factor}=${level}`] = rows.map((r) => (String(r[factor]) === level ? 1 : 0));
  return out;
}

function share(terms: string[], columns: Record<string, number[]>, y: number[]): VarianceShare {
  const fit = fitMultiple(columns, y, { dropAliased: true });
  return {
    terms,
    r2: fit.r2,
    adjR2: fit.adjR2,
    parameters: fit.coefficients.length - 1,
    aliased: fit.aliased,
  };
}

/**
 * Decompose the variance of `metric` over complete rows. A factor alone gives the between-group
 * share; a score alone gives r^2; together they are one least-squares model with aliased
 * columns dropped (as R's lm), so nested factors do not make the design singular.
 */
export function varianceExplained(
  rows: readonly Record<string, unknown>[],
  options: VarianceOptions,
): VarianceDecomposition {
  const { metric, factors = [], scores = [] } = options;
  const columns = [metric, ...factors, ...scores];
  const available = rows.length > 0 ? Object.keys(rows[0]) : [];
  for (const c of columns) {
    if (!rows.some((r) => c in r))
      throw new RangeError(`column "${c}" not found; available columns: ${available.join(', ')}`);
  }
  // Row numbers in errors are 1-based positions in `rows`.
  const keep = rows.flatMap((r, i) => (columns.every((c) => !isMissing(r[c])) ? [i] : []));
  const complete = keep.map((i) => rows[i]);
  const y = keep.map((i) => toNumber(rows[i][metric], metric, i + 1));
  const scoreColumns = Object.fromEntries(
    scores.map((s) => [s, keep.map((i) => toNumber(rows[i][s], s, i + 1))]),
  );
  const factorColumns = factors.map((f) => dummies(complete, f));
  const alone = [
    ...factors.map((f, k) => share([f], factorColumns[k], y)),
    ...scores.map((s) => share([s], { [s]: scoreColumns[s] }, y)),
  ];
  const allFactors = Object.assign({}, ...factorColumns) as Record<string, number[]>;
  return {
    n: complete.length,
    dropped: rows.length - complete.length,
    alone,
    factorsTogether: factors.length > 1 ? share(factors, allFactors, y) : null,
    scoresTogether: scores.length > 1 ? share(scores, scoreColumns, y) : null,
    joint: share([...factors, ...scores], { ...allFactors, ...scoreColumns }, y),
  };
}
