// Standard normal distribution helpers for the treaty's Gaussian copula.

/** ln(sqrt(2 pi)), the log of the normal density's normalising constant. */
const LOG_SQRT_2PI = 0.9189385332046727;

/**
 * Standard normal CDF, Marsaglia's Taylor series (J. Stat. Softw. 11(4), 2004):
 * Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...), absolute error about 1e-15 on
 * |x| <= 8. Beyond that Phi is within 1e-15 of 0 or 1, so it returns the limit. The series is
 * odd in x, so Phi(-x) = 1 - Phi(x) up to the last bit, which the treaty's rho = -1 case relies on.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 8) return 1;
  if (x < -8) return 0;
  const q = x * x;
  let sum = x;
  let term = x;
  for (let i = 3; i < 1000; i += 2) {
    term *= q / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + sum * Math.exp(-0.5 * q - LOG_SQRT_2PI);
}

/**
 * Draw one vector from N(0, R) where R is the n x n equicorrelation matrix (1 on the diagonal,
 * r off it), valid for -1/(n-1) <= r <= 1. Uses the symmetric square root
 * R^(1/2) = sqrt(1-r) I + beta 11^T with beta = (sqrt(1+(n-1)r) - sqrt(1-r)) / n, which covers
 * negative r for any n in one formula (no Cholesky needed) and gives exactly identical draws at
 * r = 1.
 */
export function equicorrelatedNormals(n: number, r: number, draw: () => number): number[] {
  const e = Array.from({ length: n }, draw);
  const a = Math.sqrt(Math.max(0, 1 - r));
  const beta = (Math.sqrt(Math.max(0, 1 + (n - 1) * r)) - a) / n;
  const shared = beta * e.reduce((s, v) => s + v, 0);
  return e.map((v) => a * v + shared);
}
