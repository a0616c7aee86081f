import { describe, expect, it } from 'vitest';
import { lnGamma, regularizedIncompleteBeta, tCdf, tQuantile, tTwoSidedP } from './distributions';

describe('lnGamma', () => {
  it('matches closed forms', () => {
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13); // Gamma(1/2) = sqrt(pi)
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12); // 9!
    expect(lnGamma(0.1)).toBeCloseTo(2.252712651734206, 12); // ln Gamma(0.1) = ln 9.513507698668732
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms', () => {
    // Integer a, b: I_x(2, 3) = sum_{j=2..4} C(4, j) x^j (1-x)^(4-j); at x = 0.3:
    // 6(0.09)(0.49) + 4(0.027)(0.7) + 0.0081 = 0.2646 + 0.0756 + 0.0081 = 0.3483.
    expect(regularizedIncompleteBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 14);
    // I_x(1/2, 1/2) = (2/pi) asin(sqrt x).
    expect(regularizedIncompleteBeta(0.2, 0.5, 0.5)).toBeCloseTo(
      (2 / Math.PI) * Math.asin(Math.sqrt(0.2)),
      14,
    );
    // I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b.
    expect(regularizedIncompleteBeta(0.7, 3.5, 1)).toBeCloseTo(0.7 ** 3.5, 14);
    expect(regularizedIncompleteBeta(0.7, 1, 4.5)).toBeCloseTo(1 - 0.3 ** 4.5, 14);
    // Symmetry I_{1/2}(a, a) = 1/2, on both branches of the continued fraction.
    expect(regularizedIncompleteBeta(0.5, 7.25, 7.25)).toBeCloseTo(0.5, 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('rejects arguments outside the domain', () => {
    expect(() => regularizedIncompleteBeta(1.2, 2, 3)).toThrow('x in [0, 1]');
    expect(() => regularizedIncompleteBeta(0.5, 0, 3)).toThrow('a, b > 0');
  });
});

describe('Student t', () => {
  it('CDF matches closed forms for 1, 2 and 3 df', () => {
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 14); // Cauchy: 1/2 + atan(t)/pi
    expect(tCdf(2, 2)).toBeCloseTo(0.5 + 2 / (2 * Math.sqrt(6)), 14); // 1/2 + t / (2 sqrt(2 + t^2))
    const t = 1;
    const df3 =
      0.5 + (t / (Math.sqrt(3) * (1 + (t * t) / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI;
    expect(tCdf(t, 3)).toBeCloseTo(df3, 14); // = 0.8044988905
    expect(tCdf(-1, 3)).toBeCloseTo(1 - df3, 14);
    expect(tCdf(0, 5)).toBe(0.5);
  });

  it('CDF inverts the textbook quantile 2.228138852 (10 df)', () => {
    expect(tCdf(2.228138852, 10)).toBeCloseTo(0.975, 9);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138852, 9);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262157163, 9);
  });

  it('two-sided p equals 2 (1 - F(|t|))', () => {
    expect(tTwoSidedP(1, 1)).toBeCloseTo(0.5, 14);
    expect(tTwoSidedP(-2.228138852, 10)).toBeCloseTo(0.05, 9);
    expect(tTwoSidedP(0, 4)).toBe(1);
  });
});
