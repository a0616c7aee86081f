// The closed-form treaty references against a hand-computed case, a fine grid, and LP-duality
// certificates: weighted welfare is separable and peaks at an ideal per issue, which bounds the
// NBS product and the Pareto gap from above independently of the frontier construction.
import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { treaty, type TreatyPrefs } from './treaty';
import { treatyFrontier, treatyReference, treatyUtility } from './treaty-reference';

/** p1 = (0.2, 0.9), w1 = (70, 30); p2 = (0.8, 0.1), w2 = (40, 60). */
const HAND: TreatyPrefs[] = [
  { positions: [0.2, 0.9], weights: [70, 30] },
  { positions: [0.8, 0.1], weights: [40, 60] },
];

const utilities = (prefs: readonly TreatyPrefs[], a: readonly number[]) =>
  prefs.map((p) => treatyUtility(p, a));

/** max over agreements of lambda u1 + (1 - lambda) u2: per issue at one of the two ideals. */
function weightedBest(prefs: readonly TreatyPrefs[], lambda: number): number {
  return prefs[0].positions.reduce((sum, _, k) => {
    const at = (a: number) =>
      lambda * prefs[0].weights[k] * (1 - Math.abs(prefs[0].positions[k] - a)) +
      (1 - lambda) * prefs[1].weights[k] * (1 - Math.abs(prefs[1].positions[k] - a));
    return sum + Math.max(at(prefs[0].positions[k]), at(prefs[1].positions[k]));
  }, 0);
}

/** Dual bound on max_o min(o1 - u1, o2 - u2): the least weighted gain over the frontier's slopes. */
function gapUpperBound(prefs: readonly TreatyPrefs[], [u1, u2]: readonly number[]): number {
  const lambdas = [
    0,
    1,
    ...prefs[0].weights.map((w, k) => prefs[1].weights[k] / (w + prefs[1].weights[k]) || 0),
  ];
  return Math.max(
    0,
    Math.min(...lambdas.map((l) => weightedBest(prefs, l) - l * u1 - (1 - l) * u2)),
  );
}

/** The settlement at u1 = x on the frontier (one issue moves linearly between two vertices). */
function agreementAt(vertices: ReturnType<typeof treatyFrontier>, x: number): number[] {
  for (let i = 1; i < vertices.length; i++) {
    const [s, e] = [vertices[i - 1], vertices[i]];
    if (x <= s.u[0] && x >= e.u[0]) {
      const t = (s.u[0] - x) / (s.u[0] - e.u[0]);
      return s.agreement.map((a, k) => a + t * (e.agreement[k] - a));
    }
  }
  return vertices[0].agreement;
}

describe('treaty exact reference (two agents)', () => {
  it('solves a two-issue instance by hand', () => {
    // From agent 1's ideal (100, 28), conceding issue 2 trades 60 for 2 per 30 for 1 (ratio 2)
    // and comes first: (76, 76) at a = (0.2, 0.1); then issue 1 (ratio 40/70): (34, 100).
    const near = (x: number) => expect.closeTo(x, 12);
    expect(treatyFrontier(HAND)).toEqual([
      { u: [100, near(28)], agreement: [0.2, 0.9] },
      { u: [near(76), near(76)], agreement: [0.2, 0.1] },
      { u: [near(34), 100], agreement: [0.8, 0.1] },
    ]);
    const ref = treatyReference(HAND)!;
    // On the first segment (100 - 24t)(28 + 48t) rises up to t = 1 (stationary at t = 1.79); on
    // the second (76 - 42t)(76 + 24t) falls from t = 0: the NBS is the vertex (76, 76).
    expect(ref.nbs).toEqual({ product: 5776, points: [[76, 76]] });
    expect(ref.maxWelfare).toEqual({ value: 152, utilities: [76, 76] });
    // (67, 64) at a = (0.5, 0.5): on the first segment min(33 - 24t, 48t - 36) peaks at t = 69/72.
    expect(ref.paretoGap([67, 64])).toBeCloseTo(33 - 24 * (69 / 72), 12);
    expect(ref.isParetoOptimal([67, 64])).toBe(false);
    expect(ref.isParetoOptimal([88, 52])).toBe(true); // the first segment's midpoint
    expect(ref.isParetoOptimal([55, 88])).toBe(true); // the second segment's midpoint
    expect(ref.isParetoOptimal([34, 99])).toBe(false);
    expect(ref.paretoGap([76, 76])).toBe(0);
    expect(treatyReference([...HAND, HAND[0]])).toBeNull();
  });

  it('concedes issues agent 1 does not weigh for free and never those agent 2 does not weigh', () => {
    const prefs: TreatyPrefs[] = [
      { positions: [0.1, 0.5, 0.3], weights: [0, 60, 40] },
      { positions: [0.9, 0.2, 0.6], weights: [50, 50, 0] },
    ];
    // Issue 1 moves to 0.9 at no cost; issue 3 stays at 0.3; only issue 2 trades.
    expect(treatyFrontier(prefs)).toEqual([
      { u: [100, 85], agreement: [0.9, 0.5, 0.3] },
      { u: [82, 100], agreement: [0.9, 0.2, 0.3] },
    ]);
    expect(treatyReference(prefs)!.isParetoOptimal([100, 70])).toBe(false);
  });

  it('is beaten by no point of a fine grid on two-issue seeded instances', () => {
    const rng = createRng('treaty-reference');
    for (let trial = 0; trial < 20; trial++) {
      const prefs: TreatyPrefs[] = [0, 1].map(() => {
        const w = rng.int(0, 100);
        return { positions: [rng.int(0, 100) / 100, rng.int(0, 100) / 100], weights: [w, 100 - w] };
      });
      const ref = treatyReference(prefs)!;
      let bestProduct = 0;
      let bestWelfare = 0;
      for (let i = 0; i <= 200; i++) {
        for (let j = 0; j <= 200; j++) {
          const [x, y] = utilities(prefs, [i / 200, j / 200]);
          bestProduct = Math.max(bestProduct, x * y);
          bestWelfare = Math.max(bestWelfare, x + y);
        }
      }
      expect(bestProduct).toBeLessThanOrEqual((ref.nbs?.product ?? 0) * (1 + 1e-12));
      // Welfare peaks at ideals, which lie on the grid.
      expect(bestWelfare).toBeCloseTo(ref.maxWelfare.value, 9);
      // The grid holds every ideal, so it comes within one 0.005 step of the optimum.
      expect(bestProduct).toBeGreaterThanOrEqual((ref.nbs?.product ?? 0) - 100);
    }
  });

  it('meets its duality certificates on default seeded instances', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const instance = treaty.create(treaty.paramsSchema.parse({}), 2, seed);
      const prefs = instance.preferences;
      const vertices = treatyFrontier(prefs);
      for (const v of vertices) {
        const [x, y] = treaty.rawUtilities(instance, { agreement: v.agreement });
        expect(x).toBeCloseTo(v.u[0], 9);
        expect(y).toBeCloseTo(v.u[1], 9);
      }
      const ref = treaty.exactReference!(instance)!;
      const [x, y] = ref.nbs!.points[0];
      // Reached: the settlement interpolated on the frontier segment holding u1 = x.
      expect(utilities(prefs, agreementAt(vertices, x))).toEqual([
        expect.closeTo(x, 9),
        expect.closeTo(y, 9),
      ]);
      // Optimal: no agreement has u1/x + u2/y above 2 (a separable maximum), so by AM-GM none
      // has a product above x y.
      expect(weightedBest(prefs, y / (x + y)) * (1 / x + 1 / y)).toBeCloseTo(2, 9);
      expect(ref.maxWelfare.value).toBeCloseTo(weightedBest(prefs, 0.5) * 2, 9);
      const rng = createRng(seed);
      for (let s = 0; s < 200; s++) {
        const a = prefs[0].positions.map(() => rng.next());
        const u = utilities(prefs, a);
        expect(u[0] * u[1]).toBeLessThanOrEqual(x * y * (1 + 1e-12));
        const gap = ref.paretoGap(u);
        expect(gap).toBeCloseTo(gapUpperBound(prefs, u), 9);
        expect(ref.isParetoOptimal(u)).toBe(gap < 1e-9);
      }
    }
  });
});
