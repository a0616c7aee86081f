import { describe, expect, it } from 'vitest';
import { equicorrelatedNormals, normalCdf } from './normal';
import { createRng } from './rng';
import { copulaCorrelation, treaty, treatyParamsSchema, treatyUtility } from './treaty';

const defaults = treatyParamsSchema.parse({});

/** Three issues with hand-set preferences. */
function handInstance() {
  const instance = treaty.create(treatyParamsSchema.parse({ issues: 3 }), 2, 1);
  return {
    ...instance,
    preferences: [
      { positions: [0.2, 0.8, 0.5], weights: [50, 30, 20] },
      { positions: [0.6, 0.2, 0.5], weights: [10, 30, 60] },
    ],
  };
}

function error(proposal: unknown): string {
  const result = treaty.validateProposal(handInstance(), proposal);
  if (result.ok) throw new Error('expected a validation error');
  return result.error;
}

describe('normal distribution helpers', () => {
  it('computes Phi to about 1e-15', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249978951482205, 14);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 14);
    expect(normalCdf(-5)).toBeCloseTo(2.866515718791939e-7, 14);
    expect(normalCdf(9)).toBe(1);
    expect(normalCdf(-9)).toBe(0);
  });

  it('draws equicorrelated normals that sum to zero at the lower bound -1/(n-1)', () => {
    const rng = createRng(2);
    const z = equicorrelatedNormals(3, -0.5, () => rng.normal());
    expect(Math.abs(z[0] + z[1] + z[2])).toBeLessThan(1e-12);
  });

  it('maps rho to the copula correlation 2 sin(pi rho / 6), exactly at -1, 0 and 1', () => {
    expect([copulaCorrelation(-1), copulaCorrelation(0), copulaCorrelation(1)]).toEqual([-1, 0, 1]);
    expect(copulaCorrelation(0.5)).toBeCloseTo(2 * Math.sin(Math.PI / 12), 15);
  });
});

describe('treaty: instances', () => {
  it('is deterministic in the seed', () => {
    expect(treaty.create(defaults, 2, 4)).toEqual(treaty.create(defaults, 2, 4));
    expect(treaty.create(defaults, 2, 4).preferences).not.toEqual(
      treaty.create(defaults, 2, 5).preferences,
    );
  });

  it('gives identical positions at rho = 1 and mirrored ones at rho = -1 (n = 2)', () => {
    for (let seed = 0; seed < 50; seed++) {
      const same = treaty.create({ ...defaults, rho: 1 }, 3, seed).preferences;
      expect(same[1].positions).toEqual(same[0].positions);
      expect(same[2].positions).toEqual(same[0].positions);
      const [a, b] = treaty.create({ ...defaults, rho: -1 }, 2, seed).preferences;
      a.positions.forEach((p, k) => expect(Math.abs(b.positions[k] - (1 - p))).toBeLessThan(1e-9));
    }
  });

  it('realises the rank correlation rho on average', () => {
    for (const rho of [0.8, -0.5]) {
      let sum = 0;
      for (let seed = 0; seed < 300; seed++) {
        const instance = treaty.create({ ...defaults, issues: 20, rho }, 2, seed);
        sum += (instance.realised.positionCorrelations as number[])[0];
      }
      expect(Math.abs(sum / 300 - rho)).toBeLessThan(0.03);
    }
  });

  it('rejects a copula correlation below -1/(n-1) and theta 0 with too few issues', () => {
    expect(treaty.check({ ...defaults, rho: -1 }, 3)).toEqual([
      'rho -1 gives copula correlation -1.000, below -1/(n-1) = -0.500 for 3 agents; use rho >= -0.483',
    ]);
    expect(treaty.check({ ...defaults, rho: -0.48 }, 3)).toEqual([]);
    expect(treaty.check({ ...defaults, issues: 2, theta: 0 }, 3)).toEqual([
      'theta 0 needs disjoint supports (each agent values different issues), so nAgents <= issues: got 3 agents and 2 issues',
    ]);
    expect(() => treaty.create({ ...defaults, rho: -1 }, 3, 1)).toThrow('below -1/(n-1)');
  });

  it('mirrors agent 2 on conflicting issues only (lambda, n = 2)', () => {
    for (let seed = 0; seed < 30; seed++) {
      const plain = treaty.create(defaults, 2, seed).preferences;
      const withLambda = treaty.create({ ...defaults, lambda: 0 }, 2, seed);
      const conflicting = withLambda.realised.conflictingIssues as number[];
      const [a, b] = withLambda.preferences;
      expect(a).toEqual(plain[0]);
      b.positions.forEach((p, k) => {
        if (conflicting.includes(k)) expect(p).toBe(Math.round((1 - a.positions[k]) * 100) / 100);
        else expect(p).toBe(plain[1].positions[k]);
      });
    }
    expect(treaty.create({ ...defaults, lambda: 1 }, 2, 3).realised.conflictingIssues).toEqual([]);
    expect(treaty.create({ ...defaults, lambda: 0.5 }, 3, 3).warnings).toEqual([
      'lambda (issue compatibility) is defined for 2 agents only; ignored for 3 agents',
    ]);
  });

  it('maps a competition level so that the index equals it', () => {
    expect(treaty.withCompetition(defaults, 0.36)).toEqual({
      ...defaults,
      theta: 0.6,
      rho: -0.19999999999999996,
    });
    for (const level of [0, 0.1, 0.25, 0.5, 0.9, 1]) {
      const instance = treaty.create(treaty.withCompetition(defaults, level), 2, 1);
      expect(instance.competitionIndex).toBeCloseTo(level, 12);
    }
    expect(treaty.create(defaults, 2, 1).competitionIndex).toBe(0.25);
  });
});

describe('treaty: proposals', () => {
  it('scores sum_k w_k (1 - |p_k - a_k|), undiscounted', () => {
    const instance = handInstance();
    // Agent_1: 50 (1 - 0.2) + 30 (1 - 0) + 20 (1 - 0.5) = 40 + 30 + 10 = 80.
    // Agent_2: 10 (1 - 0.2) + 30 (1 - 0.6) + 60 (1 - 0.5) = 8 + 12 + 30 = 50.
    const [u1, u2] = treaty.rawUtilities(instance, { agreement: [0.4, 0.8, 0] });
    expect(u1).toBeCloseTo(80, 12);
    expect(u2).toBeCloseTo(50, 12);
    expect(treatyUtility(instance.preferences[0], [0.2, 0.8, 0.5])).toBe(100);
  });

  it('accepts the array, the bare array and the keyed shape', () => {
    const instance = handInstance();
    const ok = { ok: true, proposal: { agreement: [0.2, 0.4, 1] } };
    expect(treaty.validateProposal(instance, { agreement: [0.2, 0.4, 1] })).toEqual(ok);
    expect(treaty.validateProposal(instance, [0.2, 0.4, 1])).toEqual(ok);
    expect(
      treaty.validateProposal(instance, { Tariffs: 0.2, fishing_quotas: 0.4, EMISSIONS: 1 }),
    ).toEqual(ok);
  });

  it('gives specific errors and never clamps', () => {
    expect(error({ agreement: [0.5, 0.5] })).toBe(
      'agreement must have 3 entries (one value in [0, 1] per issue, in the order Tariffs, Fishing quotas, Emissions), got 2',
    );
    expect(error({ agreement: [0.5, 1.2, '0.3'] })).toBe(
      "agreement entry 1 (Fishing quotas) must be a number in [0, 1], got 1.2; agreement entry 2 (Emissions) must be a number in [0, 1], got '0.3'",
    );
    expect(error({ tariffs: 0.2, 'fishing quotas': 0.4, Oil: 0.3 })).toBe(
      "unknown issue 'Oil' (issues are Tariffs, Fishing quotas, Emissions); issue 'Emissions' has no value",
    );
    expect(error('deal')).toBe(
      'proposal must be {"agreement": [one value in [0, 1] per issue]}, got \'deal\'',
    );
  });

  it('describes proposals and preferences', () => {
    const instance = handInstance();
    expect(treaty.describeProposal(instance, { agreement: [0.4, 0.8, 0] })).toBe(
      'Tariffs = 0.4, Fishing quotas = 0.8, Emissions = 0',
    );
    expect(treaty.describePreferences(instance, 0)).toBe(
      'Your private ideal values and importance weights (weights sum to 100): Tariffs: ideal 0.20, weight 50; Fishing quotas: ideal 0.80, weight 30; Emissions: ideal 0.50, weight 20.',
    );
  });

  it('builds a deterministic representative outcome set', () => {
    const space = treaty.outcomeSpace(handInstance());
    // 2 ideals + 1 compromise + 9 mixtures + 2^3 per-issue choices + 5^3 grid points.
    expect(space.exact).toBe(false);
    expect(space.outcomes).toHaveLength(145);
    expect(space.outcomes.slice(0, 2)).toEqual([
      { agreement: [0.2, 0.8, 0.5] },
      { agreement: [0.6, 0.2, 0.5] },
    ]);
    // Weighted compromise: (50*0.2 + 10*0.6)/60, (30*0.8 + 30*0.2)/60, (20*0.5 + 60*0.5)/80.
    expect(space.outcomes[2].agreement.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([
      0.266667, 0.5, 0.5,
    ]);
    const big = treaty.create({ ...defaults, issues: 7 }, 2, 2);
    // 2 + 1 + 9 + 2^7 + a 20,000-point seeded sample (5^7 > 20,000).
    expect(treaty.outcomeSpace(big).outcomes).toHaveLength(20140);
    expect(treaty.outcomeSpace(big)).toEqual(treaty.outcomeSpace(big));
  });
});
