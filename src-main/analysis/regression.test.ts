import { describe, expect, it } from 'vitest';
import { fitLinear, fitMultiple } from './regression';

// Anscombe (1973), set I. Published: slope 0.5001, intercept 3.0001, r 0.8164, R^2 0.6665,
// SE(slope) 0.118, residual SS 13.76.
const ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const ANSCOMBE_Y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

// NIST StRD Longley (1967): employment on six macro series, 16 years; certified values.
const LONGLEY = {
  y: [
    60323, 61122, 60171, 61187, 63221, 63639, 64989, 63761, 66019, 67857, 68169, 66513, 68655,
    69564, 69331, 70551,
  ],
  deflator: [
    83.0, 88.5, 88.2, 89.5, 96.2, 98.1, 99.0, 100.0, 101.2, 104.6, 108.4, 110.8, 112.6, 114.2,
    115.7, 116.9,
  ],
  gnp: [
    234289, 259426, 258054, 284599, 328975, 346999, 365385, 363112, 397469, 419180, 442769, 444546,
    482704, 502601, 518173, 554894,
  ],
  unemployed: [
    2356, 2325, 3682, 3351, 2099, 1932, 1870, 3578, 2904, 2822, 2936, 4681, 3813, 3931, 4806, 4007,
  ],
  armed: [
    1590, 1456, 1616, 1650, 3099, 3594, 3547, 3350, 3048, 2857, 2798, 2637, 2552, 2514, 2572, 2827,
  ],
  population: [
    107608, 108632, 109773, 110929, 112075, 113270, 115094, 116219, 117388, 118734, 120445, 121950,
    123366, 125368, 127852, 130081,
  ],
  year: [
    1947, 1948, 1949, 1950, 1951, 1952, 1953, 1954, 1955, 1956, 1957, 1958, 1959, 1960, 1961, 1962,
  ],
};
const LONGLEY_CERTIFIED = [
  ['(Intercept)', -3482258.63459582, 890420.383607373],
  ['deflator', 15.0618722713733, 84.9149257747669],
  ['gnp', -0.035819179292591, 0.0334910077722432],
  ['unemployed', -2.02022980381683, 0.488399681651699],
  ['armed', -1.03322686717359, 0.214274163161675],
  ['population', -0.0511041056535807, 0.22607320006937],
  ['year', 1829.15146461355, 455.478499142212],
] as const;

describe('fitLinear', () => {
  it("reproduces Anscombe's set I", () => {
    const fit = fitLinear(ANSCOMBE_X, ANSCOMBE_Y);
    // By hand: sum x = 99, xbar = 9, Sxx = 110; sum y = 82.51, ybar = 7.500909;
    // Sxy = 55.01, so slope = 55.01 / 110 = 0.50009091 and intercept = 7.500909 - 9 slope = 3.00009091.
    expect(fit.n).toBe(11);
    expect(fit.df).toBe(9);
    expect(fit.slope).toBeCloseTo(55.01 / 110, 12);
    expect(fit.intercept).toBeCloseTo(82.51 / 11 - (9 * 55.01) / 110, 12);
    expect(fit.slope).toBeCloseTo(0.5001, 4);
    expect(fit.intercept).toBeCloseTo(3.0001, 4);
    expect(fit.r).toBeCloseTo(0.8164, 4);
    expect(fit.r2).toBeCloseTo(0.6665, 4);
    // Syy = 41.27269091, RSS = Syy - Sxy^2 / Sxx = 41.27269091 - 27.51000091 = 13.76269.
    const rss = 41.27269090909091 - 55.01 ** 2 / 110;
    expect(rss).toBeCloseTo(13.76269, 5);
    expect(fit.residualSD).toBeCloseTo(Math.sqrt(rss / 9), 12);
    expect(fit.slopeSE).toBeCloseTo(Math.sqrt(rss / 9 / 110), 12); // 0.1179055
    expect(fit.slopeSE).toBeCloseTo(0.118, 3);
    expect(fit.interceptSE).toBeCloseTo(Math.sqrt((rss / 9) * (1 / 11 + 81 / 110)), 12); // 1.1247468
    // t_{0.975, 9} = 2.262157163: slope CI = 0.5000909 -+ 2.262157163 x 0.1179055.
    const t9 = 2.262157162798205;
    expect(fit.slopeCI[0]).toBeCloseTo(0.5000909090909091 - t9 * 0.11790550059563408, 9);
    expect(fit.slopeCI[1]).toBeCloseTo(0.7668116818, 9);
    expect(fit.interceptCI[0]).toBeCloseTo(0.4557368999, 9);
    expect(fit.interceptCI[1]).toBeCloseTo(5.5444449183, 9);
    expect(fit.level).toBe(0.95);
  });

  it('extrapolates with confidence and prediction bands', () => {
    const fit = fitLinear(ANSCOMBE_X, ANSCOMBE_Y, { extrapolateTo: 20 });
    const t9 = 2.262157162798205;
    const s2 = 13.76269 / 9;
    const yhat = 3.00009090909091 + 20 * 0.5000909090909091; // 13.0019091
    const seMean = Math.sqrt(s2 * (1 / 11 + (20 - 9) ** 2 / 110)); // sqrt(1.5291878 x 1.1909091)
    const sePred = Math.sqrt(s2 * (1 + 1 / 11 + (20 - 9) ** 2 / 110));
    expect(fit.extrapolation?.x).toBe(20);
    expect(fit.extrapolation?.yhat).toBeCloseTo(yhat, 12);
    expect(fit.extrapolation?.confidenceBand[0]).toBeCloseTo(yhat - t9 * seMean, 9);
    expect(fit.extrapolation?.confidenceBand[1]).toBeCloseTo(16.0546678674, 9);
    expect(fit.extrapolation?.predictionBand[0]).toBeCloseTo(yhat - t9 * sePred, 9);
    expect(fit.extrapolation?.predictionBand[1]).toBeCloseTo(17.1425289615, 9);
  });

  it('weighted fit: hand-computed and equal to duplicated rows for the coefficients', () => {
    // x = [1,2,3,4], y = [1,3,2,5], w = [1,2,1,2]: sum w = 6, xbar = 16/6 = 8/3, ybar = 19/6,
    // Sxx = 50 - 6 (8/3)^2 = 22/3, Sxy = 59 - 6 (8/3)(19/6) = 25/3, Syy = 71 - 6 (19/6)^2 = 77/6.
    // slope = 25/22, intercept = 19/6 - (25/22)(8/3) = 3/22, r = (25/3) / sqrt(22/3 x 77/6).
    const fit = fitLinear([1, 2, 3, 4], [1, 3, 2, 5], { weights: [1, 2, 1, 2] });
    expect(fit.slope).toBeCloseTo(25 / 22, 13);
    expect(fit.intercept).toBeCloseTo(3 / 22, 13);
    expect(fit.r).toBeCloseTo(25 / 3 / Math.sqrt((22 / 3) * (77 / 6)), 13);
    // Weighted RSS = Syy - Sxy^2/Sxx = 77/6 - (625/9)/(22/3) = 77/6 - 625/66 = 37/11.
    expect(fit.residualSD).toBeCloseTo(Math.sqrt(37 / 11 / 2), 13);
    expect(fit.slopeSE).toBeCloseTo(Math.sqrt(37 / 11 / 2 / (22 / 3)), 13);
    expect(fit.interceptSE).toBeCloseTo(Math.sqrt((37 / 11 / 2) * (1 / 6 + 64 / 9 / (22 / 3))), 13);
    const dup = fitLinear([1, 2, 2, 3, 4, 4], [1, 3, 3, 2, 5, 5]);
    expect(dup.slope).toBeCloseTo(fit.slope, 13);
    expect(dup.intercept).toBeCloseTo(fit.intercept, 13);
    // Same RSS and Sxx, df 4 instead of 2.
    expect(dup.slopeSE).toBeCloseTo(fit.slopeSE * Math.sqrt(2 / 4), 13);
  });

  it('refuses fits it cannot make, naming the problem', () => {
    expect(() => fitLinear([1, 2], [1, 2])).toThrow('at least 3 points, got 2');
    expect(() => fitLinear([1, 1, 1], [1, 2, 3])).toThrow('x is constant');
    expect(() => fitLinear([1, 2, 3], [1, 2])).toThrow('x has 3 values but y has 2');
    expect(() => fitLinear([1, 2, 3], [1, 2, 3], { weights: [1, 0, 1] })).toThrow('weight 1 is 0');
    expect(() => fitLinear([1, Number.NaN, 3], [1, 2, 3])).toThrow('x[1] is NaN');
  });
});

describe('fitMultiple', () => {
  it('matches the NIST certified Longley values', () => {
    const { y, ...columns } = LONGLEY;
    const fit = fitMultiple(columns, y);
    expect(fit.n).toBe(16);
    expect(fit.df).toBe(9);
    expect(fit.coefficients.map((c) => c.name)).toEqual(LONGLEY_CERTIFIED.map(([name]) => name));
    LONGLEY_CERTIFIED.forEach(([, estimate, se], j) => {
      expect(fit.coefficients[j].estimate / estimate).toBeCloseTo(1, 8);
      expect(fit.coefficients[j].se / se).toBeCloseTo(1, 8);
    });
    expect(fit.residualSD).toBeCloseTo(304.854073561965, 6);
    expect(fit.r2).toBeCloseTo(0.995479004577296, 10);
    // adj R^2 = 1 - (1 - R^2)(n - 1)/(n - p) = 1 - 0.004520995 x 15/9.
    expect(fit.adjR2).toBeCloseTo(1 - ((1 - 0.995479004577296) * 15) / 9, 10);
    expect(fit.aliased).toEqual([]);
  });

  it('agrees with fitLinear on a single regressor, and t, p, CI follow from the SE', () => {
    const fit = fitMultiple({ x: ANSCOMBE_X }, ANSCOMBE_Y);
    const line = fitLinear(ANSCOMBE_X, ANSCOMBE_Y);
    const slope = fit.coefficients[1];
    expect(slope.estimate).toBeCloseTo(line.slope, 12);
    expect(slope.se).toBeCloseTo(line.slopeSE, 12);
    expect(slope.t).toBeCloseTo(0.5000909090909091 / 0.11790550059563408, 9); // 4.2414
    expect(slope.p).toBeCloseTo(0.0021696288730788, 12); // the textbook p of Anscombe's slope
    expect(slope.ciLow).toBeCloseTo(line.slopeCI[0], 12);
    expect(slope.ciHigh).toBeCloseTo(line.slopeCI[1], 12);
    expect(fit.coefficients[0].estimate).toBeCloseTo(line.intercept, 12);
    expect(fit.r2).toBeCloseTo(line.r2, 12);
  });

  it('fits an interaction term', () => {
    // y = 1 + 2a - b + 0.5 ab on a 3 x 3 grid, exactly and with a small perturbation e.
    const a = [0, 1, 2, 0, 1, 2, 0, 1, 2];
    const b = [0, 0, 0, 1, 1, 1, 2, 2, 2];
    const e = [0.1, -0.1, 0, -0.1, 0.1, 0, 0, 0, 0];
    const y = a.map((ai, i) => 1 + 2 * ai - b[i] + 0.5 * ai * b[i] + e[i]);
    const exact = fitMultiple(
      { a, b },
      a.map((ai, i) => 1 + 2 * ai - b[i] + 0.5 * ai * b[i]),
      { interactions: [['a', 'b']] },
    );
    expect(exact.coefficients.map((c) => [c.name, Number(c.estimate.toFixed(12))])).toEqual([
      ['(Intercept)', 1],
      ['a', 2],
      ['b', -1],
      ['a:b', 0.5],
    ]);
    expect(exact.r2).toBeCloseTo(1, 12);
    const noisy = fitMultiple({ a, b }, y, { interactions: [['a', 'b']] });
    // Reference: the normal equations (X'X) beta = X'y solved independently (numpy.linalg.solve).
    expect(noisy.df).toBe(5);
    const expected = [
      ['(Intercept)', 1.025, 0.07216878364870326, 3.116279788529453e-5],
      ['a', 1.975, 0.055901699437494776, 3.4187924354131736e-7],
      ['b', -1.025, 0.055901699437494776, 8.872945988952087e-6],
      ['a:b', 0.525, 0.04330127018922196, 6.743203674857906e-5],
    ] as const;
    expected.forEach(([name, estimate, se, p], j) => {
      expect(noisy.coefficients[j].name).toBe(name);
      expect(noisy.coefficients[j].estimate).toBeCloseTo(estimate, 12);
      expect(noisy.coefficients[j].se).toBeCloseTo(se, 12);
      expect(noisy.coefficients[j].p / p).toBeCloseTo(1, 8);
    });
    expect(noisy.r2).toBeCloseTo(0.9990657698056801, 12);
  });

  it('reports a singular design by column name, or drops aliased columns on request', () => {
    const a = [1, 2, 3, 4, 5];
    const twice = a.map((v) => 2 * v);
    const y = [2, 4, 5, 4, 5];
    expect(() => fitMultiple({ a, twice }, y)).toThrow(
      'singular design: column "twice" is a linear combination of "(Intercept)", "a"',
    );
    const fit = fitMultiple({ a, twice }, y, { dropAliased: true });
    expect(fit.aliased).toEqual(['twice']);
    expect(fit.coefficients.map((c) => c.name)).toEqual(['(Intercept)', 'a']);
    expect(fit.r2).toBeCloseTo(fitLinear(a, y).r2, 12);
    expect(() => fitMultiple({ a }, y, { interactions: [['a', 'zz']] })).toThrow(
      'interaction a:zz names a missing column; columns: a',
    );
  });
});
