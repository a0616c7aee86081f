import { describe, expect, it } from 'vitest';
import { computeGameMetrics, outcomeReference } from './game-metrics';
import { createRng } from '../../games/rng';
import { dealOutcome, itemGame, noDealOutcome, pieGame, treatyGame } from './test-fixtures';

// Values [50,30,20] and [20,30,50]. Allocations (owner of items 1,2,3; 0 = Agent_1):
//   000 (100, 0) prod 0     | 001 (80, 50) prod 4000 | 010 (70, 30) prod 2100 | 011 (50, 80) prod 4000
//   100 (50, 20) prod 1000  | 101 (30, 70) prod 2100 | 110 (20, 50) prod 1000 | 111 (0, 100) prod 0
// Max welfare 130 (item 1 to Agent_1, item 3 to Agent_2); NBS product 4000 at (80,50) and (50,80).
const MIRROR = [
  [50, 30, 20],
  [20, 30, 50],
];

describe('outcomeReference', () => {
  it('enumerates the exact space by hand', () => {
    const { game, instance } = itemGame(MIRROR);
    const ref = outcomeReference(game, instance);
    expect(ref.isExact).toBe(true);
    expect(ref.outcomes.map((o) => o.utilities)).toEqual([
      [100, 0],
      [80, 50],
      [70, 30],
      [50, 80],
      [50, 20],
      [30, 70],
      [20, 50],
      [0, 100],
    ]);
    expect(ref.maxWelfare).toBe(130);
    expect(ref.maxWelfareUtilities).toEqual([80, 50]);
    expect(ref.nbsProduct).toBe(4000);
    expect(ref.nbsPoints).toEqual([
      [80, 50],
      [50, 80],
    ]);
    expect(outcomeReference(game, instance)).toBe(ref); // memoised per instance
  });

  it('finds a unique NBS for asymmetric values', () => {
    // [50,30,20] vs [10,20,70]: 001 gives (80, 70), product 5600, welfare 150; next best 011 (50, 90) = 4500.
    const { game, instance } = itemGame([
      [50, 30, 20],
      [10, 20, 70],
    ]);
    const ref = outcomeReference(game, instance);
    expect(ref.nbsPoints).toEqual([[80, 70]]);
    expect(ref.nbsProduct).toBe(5600);
    expect(ref.maxWelfare).toBe(150);
  });

  it('matches a naive brute force on random small allocations', () => {
    const rng = createRng(2024);
    for (let trial = 0; trial < 40; trial++) {
      const nAgents = 2 + (trial % 2);
      const values = Array.from({ length: nAgents }, () =>
        Array.from({ length: 4 }, () => rng.int(0, 40)),
      );
      const { game, instance } = itemGame(values);
      let bestProduct = 0;
      let bestWelfare = Number.NEGATIVE_INFINITY;
      for (let code = 0; code < nAgents ** 4; code++) {
        const u = new Array<number>(nAgents).fill(0);
        let c = code;
        for (let k = 0; k < 4; k++) {
          u[c % nAgents] += values[c % nAgents][k];
          c = Math.floor(c / nAgents);
        }
        bestProduct = Math.max(
          bestProduct,
          u.reduce((a, b) => a * b, 1),
        );
        bestWelfare = Math.max(
          bestWelfare,
          u.reduce((a, b) => a + b, 0),
        );
      }
      const ref = outcomeReference(game, instance);
      expect(ref.nbsProduct ?? 0).toBe(bestProduct);
      expect(ref.maxWelfare).toBe(bestWelfare);
      for (const point of ref.nbsPoints) expect(point.reduce((a, b) => a * b, 1)).toBe(bestProduct);
    }
  });

  it('refines a continuous issue to the analytic NBS off the grid', () => {
    // max x (1 - x)^2: derivative (1 - x)(1 - 3x) = 0 at x = 1/3; u = (100/3, 400/9),
    // product 40000/27 = 1481.48. The grid's best, x = 0.25, gives 25 x 56.25 = 1406.25.
    const { game, instance } = pieGame();
    const ref = outcomeReference(game, instance);
    expect(ref.isExact).toBe(false);
    // A smooth maximum pins the product to ~1e-9 but its argmax only to ~sqrt(1e-12): utilities
    // are asserted to 1e-4 (of a 0-100 scale).
    expect(ref.nbsProduct).toBeCloseTo(40000 / 27, 6);
    expect(ref.nbsPoints[0][0]).toBeCloseTo(100 / 3, 4);
    expect(ref.nbsPoints[0][1]).toBeCloseTo(400 / 9, 4);
    expect(ref.maxWelfare).toBe(100); // convex welfare: endpoints, 100 at x = 0 and x = 1
  });

  it('refines a two-issue treaty to the kink at the ideal points', () => {
    // p1 = (0.2, 0.9), w1 = (0.7, 0.3); p2 = (0.8, 0.1), w2 = (0.4, 0.6). Conceding issue 2
    // (u2 gains 60 per 30 lost by u1) dominates conceding issue 1 (40 per 70): from (100, 28)
    // at a = (0.2, 0.9), lowering a2 to 0.1 reaches (76, 76); the product (100 - 30t)(28 + 60t)
    // rises all the way (its stationary point t = 1.43 lies past t = 0.8), and then moving a1
    // costs u1 70 per 40 for u2, lowering it. NBS = a = (0.2, 0.1), (76, 76), product 5776;
    // the same point maximises welfare, 152 (the grid's best is 141.5 at (0.25, 0)).
    const { game, instance } = treatyGame(
      [
        [0.2, 0.9],
        [0.8, 0.1],
      ],
      [
        [0.7, 0.3],
        [0.4, 0.6],
      ],
    );
    const ref = outcomeReference(game, instance);
    // Steps stop at 1e-9 of the issue range: the product is within 76 x 60 x 1e-9 = 5e-6.
    expect(ref.nbsProduct).toBeCloseTo(5776, 4);
    expect(ref.nbsPoints[0][0]).toBeCloseTo(76, 6);
    expect(ref.nbsPoints[0][1]).toBeCloseTo(76, 6);
    expect(ref.maxWelfare).toBeCloseTo(152, 6);
  });
});

describe('computeGameMetrics', () => {
  it('scores a Pareto-optimal deal in round 2 by hand', () => {
    const { game, instance } = itemGame(MIRROR);
    // Allocation 011: Agent_1 gets item 1 (50), Agent_2 items 2 and 3 (80); gamma 0.9, round 2.
    const m = computeGameMetrics(
      game,
      instance,
      dealOutcome(game, instance, [0, 1, 1], 2, 0.9),
      0.9,
      {
        tokens: { input: 1200, output: 300 },
        costUsd: 0.0042,
      },
    );
    expect(m).toEqual({
      nAgents: 2,
      deal: true,
      round: 2,
      discountFactor: 0.9,
      rawUtilities: [50, 80],
      utilities: [45, 72],
      utilityShare: [45 / 117, 72 / 117],
      socialWelfare: 117,
      socialWelfareRaw: 130,
      maxWelfare: 130,
      welfareRatio: 0.9,
      welfareRatioRaw: 1,
      nbsUtilities: [50, 80], // of the tied points (80,50) and (50,80), the nearer to (50,80)
      nbsProduct: 4000,
      nbsTies: 2,
      distanceFromNbs: Math.sqrt(5 ** 2 + 8 ** 2), // (45,72) vs (50,80)
      distanceFromNbsRaw: 0,
      exploitation: [(45 - 50) / 50, (72 - 80) / 80],
      exploitationRaw: [0, 0],
      isParetoOptimal: true,
      paretoGap: 0,
      isReferenceExact: true,
      referenceMethod: 'enumerated',
      approximateMetrics: [],
      minMaxFairness: 50 / 80,
      gini: (2 * 30) / (2 * 2 * 130),
      invalidProposals: [1, 0],
      syntheticVotes: [0, 0],
      parseFailures: [0, 0],
      tokens: { input: 1200, output: 300 },
      costUsd: 0.0042,
    });
  });

  it('scores a dominated deal by hand', () => {
    const { game, instance } = itemGame(MIRROR);
    // Allocation 100: Agent_1 gets items 2 and 3 (50), Agent_2 item 1 (20), round 1.
    const m = computeGameMetrics(
      game,
      instance,
      dealOutcome(game, instance, [1, 0, 0], 1, 0.9),
      0.9,
    );
    expect(m.rawUtilities).toEqual([50, 20]);
    expect(m.discountFactor).toBe(1);
    // Dominated by (50,80) and (80,50). Gap: max over o of min(u1 - 50, u2 - 20) is 30, at (80,50).
    expect(m.isParetoOptimal).toBe(false);
    expect(m.paretoGap).toBe(30);
    // Nearest NBS point: (80,50) at sqrt(30^2 + 30^2) = 42.43 rather than (50,80) at 60.
    expect(m.nbsUtilities).toEqual([80, 50]);
    expect(m.distanceFromNbs).toBeCloseTo(30 * Math.SQRT2, 12);
    expect(m.exploitation).toEqual([(50 - 80) / 80, (20 - 50) / 50]);
    expect(m.welfareRatio).toBeCloseTo(70 / 130, 14);
    expect(m.minMaxFairness).toBe(0.4);
    expect(m.tokens).toBeUndefined();
  });

  it('scores no deal as zero utilities against the reference', () => {
    const { game, instance } = itemGame(MIRROR);
    const m = computeGameMetrics(game, instance, noDealOutcome(2), 0.9);
    expect(m).toMatchObject({
      deal: false,
      round: null,
      discountFactor: null,
      rawUtilities: [0, 0],
      utilityShare: null,
      socialWelfare: 0,
      welfareRatio: 0,
      nbsUtilities: [80, 50], // equidistant ties keep the first point
      distanceFromNbs: Math.hypot(80, 50),
      exploitation: [-1, -1],
      isParetoOptimal: false,
      paretoGap: 50, // the best uniform gain from (0,0): min(80,50) = 50
      minMaxFairness: null,
      gini: null,
      syntheticVotes: [0, 2],
    });
  });

  it('reports null exploitation where the NBS gives an agent nothing, and Gini for three agents', () => {
    // Agent_3 values nothing, so every product is 0: no NBS point.
    const { game, instance } = itemGame([
      [60, 40],
      [40, 60],
      [0, 0],
    ]);
    const m = computeGameMetrics(game, instance, dealOutcome(game, instance, [0, 1], 1, 1), 1);
    expect(m.nbsProduct).toBeNull();
    expect(m.nbsUtilities).toBeNull();
    expect(m.exploitation).toBeNull();
    expect(m.distanceFromNbs).toBeNull();
    expect(m.rawUtilities).toEqual([60, 60, 0]);
    // Gini of (60, 60, 0): ordered-pair |diffs| = 4 x 60 = 240; 240 / (2 x 3 x 120) = 1/3.
    expect(m.gini).toBeCloseTo(1 / 3, 14);
    expect(m.minMaxFairness).toBe(0);
    expect(m.isParetoOptimal).toBe(true);
  });

  it('gives a refined, non-exact Pareto gap and no Pareto verdict on continuous spaces', () => {
    const { game, instance } = treatyGame(
      [
        [0.2, 0.9],
        [0.8, 0.1],
      ],
      [
        [0.7, 0.3],
        [0.4, 0.6],
      ],
    );
    // Settlement (0.5, 0.5): u1 = 100 (0.7 x 0.7 + 0.3 x 0.6) = 67, u2 = 100 (0.4 x 0.7 + 0.6 x 0.6) = 64.
    const m = computeGameMetrics(
      game,
      instance,
      dealOutcome(game, instance, { a: [0.5, 0.5] }, 1, 1),
      1,
    );
    expect(m.rawUtilities[0]).toBeCloseTo(67, 12);
    expect(m.rawUtilities[1]).toBeCloseTo(64, 12);
    expect(m.isParetoOptimal).toBeNull();
    expect(m.isReferenceExact).toBe(false);
    expect(m.referenceMethod).toBe('search');
    expect(m.approximateMetrics).toContain('paretoGap');
    // Best uniform gain: on the frontier segment a = (0.2, a2), u = (100 - 30t, 28 + 60t) with
    // t = 0.9 - a2; the max of min(33 - 30t, 60t - 36) is where they meet: t = 69/90, gain 10.
    expect(m.paretoGap).toBeCloseTo(10, 5);
    expect(m.distanceFromNbs).toBeCloseTo(Math.hypot(67 - 76, 64 - 76), 5);
  });
});
